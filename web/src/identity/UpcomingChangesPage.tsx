/** "Kommende endringer": what is coming for my people (as a manager), or for everyone. */
import { Alert, Button, Heading, Paragraph, Spinner, Table, ToggleGroup } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { RouteLink } from '../org/RouteLink';
import { IdentityNav, useDay } from './IdentityNav';
import { useCancelChange, useNotices, useRunDue, useScheduledChanges, type ScheduledChange } from './queries';

export function changeDetail(change: ScheduledChange, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (change.kind) {
    case 'transfer':
      return t('change.detail.transfer', { unit: change.newUnitName ?? '–' });
    case 'position':
      return t('change.detail.position', { position: change.newPositionTitle ?? '–' });
    case 'manager':
      return t('change.detail.manager', { manager: change.newManagerName ?? '–' });
    case 'end':
      return t('change.detail.end');
  }
}

export function UpcomingChangesPage() {
  const { t } = useTranslation('identity');
  usePageTitle(t('upcoming.title'));
  const session = useSession();
  const mayScheduleAll = session.can('identity:schedule');
  const hasPerson = session.user.personId !== null;
  const [scope, setScope] = useState<'mine' | 'all'>(hasPerson ? 'mine' : 'all');
  const changes = useScheduledChanges({ scope, state: 'pending' }, scope === 'mine' ? hasPerson : mayScheduleAll);
  const cancel = useCancelChange();
  const run = useRunDue();
  const day = useDay();
  const notices = useNotices();

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('upcoming.title')}
      </Heading>
      <IdentityNav />
      <Paragraph>{t('upcoming.intro')}</Paragraph>

      {(notices.data?.length ?? 0) > 0 && (
        <section aria-labelledby="identity-notices-heading" className="identity-section">
          <Heading level={2} data-size="sm" id="identity-notices-heading">
            {t('notices.heading')}
          </Heading>
          <ul>
            {notices.data!.map((notice) => (
              <li key={notice.id}>{notice.message}</li>
            ))}
          </ul>
        </section>
      )}

      {hasPerson && mayScheduleAll && (
        <ToggleGroup value={scope} onChange={(value) => setScope(value as 'mine' | 'all')} data-size="sm" aria-label={t('upcoming.scope')}>
          <ToggleGroup.Item value="mine">{t('upcoming.mine')}</ToggleGroup.Item>
          <ToggleGroup.Item value="all">{t('upcoming.all')}</ToggleGroup.Item>
        </ToggleGroup>
      )}

      {!hasPerson && !mayScheduleAll && <Paragraph>{t('upcoming.noPerson')}</Paragraph>}
      {changes.isLoading && <Spinner aria-label={t('loading')} />}
      {changes.error && <ErrorAlert error={changes.error} />}
      {changes.data &&
        (changes.data.length === 0 ? (
          <Paragraph>{t('upcoming.none')}</Paragraph>
        ) : (
          <div className="identity-table-wrap">
            <Table zebra>
              <caption className="identity-visually-hidden">{t('upcoming.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('change.person')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('change.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('change.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('change.createdBy')}</Table.HeaderCell>
                  {mayScheduleAll && <Table.HeaderCell>{t('change.actions')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {changes.data.map((change) => (
                  <Table.Row key={change.id}>
                    <Table.Cell>
                      <RouteLink to={`/people/${change.personId}`}>{change.personName}</RouteLink>
                    </Table.Cell>
                    <Table.Cell>{day(change.effectiveDate)}</Table.Cell>
                    <Table.Cell>
                      {t(`change.kind.${change.kind}`)}: {changeDetail(change, t)}
                    </Table.Cell>
                    <Table.Cell>{change.createdBy}</Table.Cell>
                    {mayScheduleAll && (
                      <Table.Cell>
                        <Button variant="tertiary" data-size="sm" onClick={() => cancel.mutate(change.id)} disabled={cancel.isPending}>
                          {t('change.cancel', { name: change.personName })}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
      {cancel.error && <ErrorAlert error={cancel.error} />}

      {session.can('identity:manage') && (
        <section aria-labelledby="identity-run-heading" className="identity-section">
          <Heading level={2} data-size="sm" id="identity-run-heading">
            {t('run.heading')}
          </Heading>
          <Paragraph data-size="sm">{t('run.intro')}</Paragraph>
          <Button variant="secondary" onClick={() => run.mutate()} loading={run.isPending}>
            {t('run.button')}
          </Button>
          <div aria-live="polite">
            {run.data && (
              <Alert data-color="success">
                {t('run.done', { today: day(run.data.today), changes: run.data.changesDone, guests: run.data.guestsEnded, reminders: run.data.remindersSent })}
              </Alert>
            )}
          </div>
          {run.error && <ErrorAlert error={run.error} />}
        </section>
      )}
    </>
  );
}
