/**
 * The lifecycle part of a person's page: username and e-mail, sponsor and end date for a guest,
 * pending future changes, and dialogs to register a change ahead of time or a new name.
 */
import { Button, Dialog, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useSession } from '../app/session';
import { PersonPicker } from '../org/PersonPicker';
import { useOrgUnits, type Ref } from '../org/queries';
import { RouteLink } from '../org/RouteLink';
import { useDay } from './IdentityNav';
import { useCancelChange, usePersonIdentity, usePositions, useRename, useScheduleChange, useScheduledChanges, type ChangeKind } from './queries';
import { changeDetail } from './UpcomingChangesPage';

export function PersonLifecycleSection({ personId, givenName, familyName }: { personId: string; givenName: string; familyName: string }) {
  const { t } = useTranslation('identity');
  const session = useSession();
  const identity = usePersonIdentity(personId);
  const changes = useScheduledChanges({ scope: 'all', personId, state: 'pending' });
  const cancel = useCancelChange();
  const day = useDay();
  const [dialog, setDialog] = useState<'schedule' | 'rename' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const scheduleButton = useRef<HTMLButtonElement>(null);
  const close = (done?: string) => {
    setDialog(null);
    if (done) setMessage(done);
    requestAnimationFrame(() => scheduleButton.current?.focus());
  };

  return (
    <section className="org-section" aria-labelledby="person-lifecycle-heading">
      <Heading level={2} data-size="sm" id="person-lifecycle-heading">
        {t('person.heading')}
      </Heading>
      {identity.data && (
        <dl className="org-facts">
          <dt>{t('person.username')}</dt>
          <dd>{identity.data.username ?? '–'}</dd>
          <dt>{t('person.email')}</dt>
          <dd>{identity.data.email ?? '–'}</dd>
          {identity.data.guest && (
            <>
              <dt>{t('person.sponsor')}</dt>
              <dd>
                <RouteLink to={`/people/${identity.data.guest.sponsorPersonId}`}>{identity.data.guest.sponsorName}</RouteLink>
              </dd>
              <dt>{t('person.accessEnds')}</dt>
              <dd>{day(identity.data.guest.endDate)}</dd>
            </>
          )}
        </dl>
      )}
      <Heading level={3} data-size="xs">
        {t('person.upcoming')}
      </Heading>
      {changes.data && changes.data.length === 0 && <Paragraph>{t('person.noUpcoming')}</Paragraph>}
      {changes.data && changes.data.length > 0 && (
        <Table data-size="sm">
          <caption className="identity-visually-hidden">{t('person.upcoming')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('change.date')}</Table.HeaderCell>
              <Table.HeaderCell>{t('change.what')}</Table.HeaderCell>
              {session.can('identity:schedule') && <Table.HeaderCell>{t('change.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {changes.data.map((change) => (
              <Table.Row key={change.id}>
                <Table.Cell>{day(change.effectiveDate)}</Table.Cell>
                <Table.Cell>
                  {t(`change.kind.${change.kind}`)}: {changeDetail(change, t)}
                </Table.Cell>
                {session.can('identity:schedule') && (
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" onClick={() => cancel.mutate(change.id)}>
                      {t('change.cancelShort')}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="org-actions">
        {session.can('identity:schedule') && (
          <Button ref={scheduleButton} variant="secondary" onClick={() => { setMessage(null); setDialog('schedule'); }}>
            {t('schedule.button')}
          </Button>
        )}
        {session.can('org:write') && (
          <Button variant="secondary" onClick={() => { setMessage(null); setDialog('rename'); }}>
            {t('rename.button')}
          </Button>
        )}
      </div>
      <p aria-live="polite">{message ?? ''}</p>
      {dialog === 'schedule' && <ScheduleChangeDialog personId={personId} onClose={close} />}
      {dialog === 'rename' && <RenameDialog personId={personId} givenName={givenName} familyName={familyName} onClose={close} />}
    </section>
  );
}

const kinds: ChangeKind[] = ['transfer', 'position', 'manager', 'end'];

function ScheduleChangeDialog({ personId, onClose }: { personId: string; onClose(message?: string): void }) {
  const { t } = useTranslation('identity');
  const units = useOrgUnits();
  const positions = usePositions();
  const schedule = useScheduleChange();
  const [kind, setKind] = useState<ChangeKind>('transfer');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [unitId, setUnitId] = useState('');
  const [positionId, setPositionId] = useState('');
  const [manager, setManager] = useState<Ref | null>(null);
  const [note, setNote] = useState('');
  const problems = schedule.error instanceof ApiError ? schedule.error.problems : [];
  const fieldError = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate(
      {
        personId,
        kind,
        effectiveDate,
        newOrgUnitId: kind === 'transfer' ? unitId || null : null,
        newPositionId: (kind === 'position' || kind === 'transfer') && positionId ? positionId : null,
        newManagerPersonId: kind === 'manager' || kind === 'transfer' ? (manager?.id ?? null) : null,
        note,
      },
      { onSuccess: () => onClose(t('schedule.done')) },
    );
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="schedule-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="schedule-heading">
            {t('schedule.heading')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="identity-form">
          <Field>
            <Label>{t('schedule.kind')}</Label>
            <Select value={kind} onChange={(event) => setKind(event.target.value as ChangeKind)}>
              {kinds.map((option) => (
                <Select.Option key={option} value={option}>
                  {t(`change.kind.${option}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={kind === 'end' ? t('schedule.lastDay') : t('schedule.date')} type="date" value={effectiveDate} onChange={(event) => setEffectiveDate(event.target.value)} error={fieldError('effectiveDate')} required />
          {kind === 'transfer' && (
            <Field>
              <Label>{t('schedule.unit')}</Label>
              <Select value={unitId} onChange={(event) => setUnitId(event.target.value)} aria-invalid={Boolean(fieldError('newOrgUnitId')) || undefined}>
                <Select.Option value="">{t('schedule.chooseUnit')}</Select.Option>
                {(units.data ?? []).map((unit) => (
                  <Select.Option key={unit.id} value={unit.id}>
                    {unit.name}
                  </Select.Option>
                ))}
              </Select>
              {fieldError('newOrgUnitId') && <ValidationMessage>{fieldError('newOrgUnitId')}</ValidationMessage>}
            </Field>
          )}
          {(kind === 'position' || kind === 'transfer') && (
            <Field>
              <Label>{kind === 'transfer' ? t('schedule.positionOptional') : t('schedule.position')}</Label>
              <Select value={positionId} onChange={(event) => setPositionId(event.target.value)} aria-invalid={Boolean(fieldError('newPositionId')) || undefined}>
                <Select.Option value="">{t('schedule.choosePosition')}</Select.Option>
                {(positions.data ?? []).map((position) => (
                  <Select.Option key={position.id} value={position.id}>
                    {position.title}
                  </Select.Option>
                ))}
              </Select>
              {fieldError('newPositionId') && <ValidationMessage>{fieldError('newPositionId')}</ValidationMessage>}
            </Field>
          )}
          {(kind === 'manager' || kind === 'transfer') && (
            <PersonPicker legend={kind === 'transfer' ? t('schedule.managerOptional') : t('schedule.manager')} searchLabel={t('schedule.managerSearch')} noneLabel={t('schedule.noManager')} value={manager} onChange={setManager} name="new-manager" error={fieldError('newManagerPersonId')} />
          )}
          <Textfield label={t('schedule.note')} value={note} onChange={(event) => setNote(event.target.value)} />
          {schedule.error && problems.length === 0 && <ErrorAlert error={schedule.error} />}
        </Dialog.Block>
        <Dialog.Block className="identity-actions">
          <Button type="submit" loading={schedule.isPending}>
            {t('schedule.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onClose()}>
            {t('dialog.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}

function RenameDialog({ personId, givenName: initialGiven, familyName: initialFamily, onClose }: { personId: string; givenName: string; familyName: string; onClose(message?: string): void }) {
  const { t } = useTranslation('identity');
  const rename = useRename(personId);
  const [givenName, setGivenName] = useState(initialGiven);
  const [familyName, setFamilyName] = useState(initialFamily);
  const problems = rename.error instanceof ApiError ? rename.error.problems : [];
  const fieldError = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ givenName, familyName }, { onSuccess: (result) => onClose(t('rename.done', { username: result.after.username ?? '–', email: result.after.email ?? '–' })) });
  };
  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="rename-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="rename-heading">
            {t('rename.heading')}
          </Heading>
          <Paragraph data-size="sm">{t('rename.intro')}</Paragraph>
        </Dialog.Block>
        <Dialog.Block className="identity-form">
          <Textfield label={t('guests.givenName')} value={givenName} onChange={(event) => setGivenName(event.target.value)} error={fieldError('givenName')} required autoComplete="off" />
          <Textfield label={t('guests.familyName')} value={familyName} onChange={(event) => setFamilyName(event.target.value)} error={fieldError('familyName')} required autoComplete="off" />
          {rename.error && problems.length === 0 && <ErrorAlert error={rename.error} />}
        </Dialog.Block>
        <Dialog.Block className="identity-actions">
          <Button type="submit" loading={rename.isPending}>
            {t('rename.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onClose()}>
            {t('dialog.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
