import { Alert, Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { PageSection } from '../org/PageSection';
import type { RoleGap } from './model';
import { PortalSubNav } from './PortalNav';
import { useAdoptSystemRole, useRoleGap, useRoleGaps } from './queries';
import './portal.css';

/** Overview: per business role, how many system roles its processes need that it lacks, and grants no process uses. */
export function RoleGapsPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('gaps.title'));
  const gaps = useRoleGaps();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('gaps.title')}
      </Heading>
      <PortalSubNav />
      <Paragraph>{t('gaps.intro')}</Paragraph>
      {gaps.isPending ? (
        <Spinner aria-label={t('loading')} />
      ) : gaps.error ? (
        <ErrorAlert error={gaps.error} />
      ) : gaps.data.items.length === 0 ? (
        <Paragraph>{t('gaps.noRoles')}</Paragraph>
      ) : (
        <Table zebra className="portal-table">
          <caption className="visually-hidden">{t('gaps.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('gaps.businessRole')}</Table.HeaderCell>
              <Table.HeaderCell>{t('gaps.processes')}</Table.HeaderCell>
              <Table.HeaderCell>{t('gaps.missing')}</Table.HeaderCell>
              <Table.HeaderCell>{t('gaps.unused')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {gaps.data.items.map((gap) => (
              <Table.Row key={gap.businessRole.id}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={`/portal/role-gaps/${gap.businessRole.id}`}>{gap.businessRole.name}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{gap.processes.length}</Table.Cell>
                <Table.Cell>{gap.missing.length}</Table.Cell>
                <Table.Cell>{gap.processes.length ? gap.unused.length : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}

/** One business role: what its processes call for that it lacks (with "adopt"), and what no process uses. */
export function RoleGapPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('portal');
  const gap = useRoleGap(id);
  usePageTitle(gap.data?.businessRole.name ?? t('gaps.title'));
  return (
    <div className="page">
      <Link asChild>
        <RouterLink to="/portal/role-gaps">{t('gaps.back')}</RouterLink>
      </Link>
      <Heading level={1} data-size="lg">
        {gap.data ? t('gaps.roleTitle', { name: gap.data.businessRole.name }) : t('gaps.title')}
      </Heading>
      <PortalSubNav />
      {gap.isPending ? <Spinner aria-label={t('loading')} /> : gap.error ? <ErrorAlert error={gap.error} /> : <GapDetails gap={gap.data} />}
    </div>
  );
}

function GapDetails({ gap }: { gap: RoleGap }) {
  const { t } = useTranslation('portal');
  const adopt = useAdoptSystemRole(gap.businessRole.id);
  return (
    <>
      <PageSection id="gap-processes" title={t('gaps.processes')}>
        {gap.processes.length === 0 ? (
          <Paragraph>{t('gaps.noProcesses')}</Paragraph>
        ) : (
          <ul className="portal-list">
            {gap.processes.map((process) => (
              <li key={process.id}>
                <Link asChild>
                  <RouterLink to={`/portal/processes/${process.id}`}>{process.name}</RouterLink>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection id="gap-missing" title={t('gaps.missing')}>
        {adopt.isSuccess && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('gaps.adopted')}</Paragraph>
          </Alert>
        )}
        {adopt.error && <ErrorAlert error={adopt.error} />}
        {gap.missing.length === 0 ? (
          <Paragraph>{t('gaps.noneMissing')}</Paragraph>
        ) : (
          <ul className="portal-list">
            {gap.missing.map((item) => (
              <li key={item.systemRole.id}>
                <strong>{`${item.systemRole.systemName}: ${item.systemRole.name}`}</strong>
                <Paragraph data-size="sm">
                  {t('gaps.neededBy', { steps: item.steps.join(', '), processes: item.processes.map((p) => p.name).join(', ') })}
                </Paragraph>
                <Button data-size="sm" variant="secondary" disabled={adopt.isPending} onClick={() => adopt.mutate(item.systemRole.id)}>
                  {t('gaps.adopt', { role: item.systemRole.name })}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection id="gap-unused" title={t('gaps.unused')}>
        {gap.unused.length === 0 ? (
          <Paragraph>{t('gaps.noneUnused')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">{t('gaps.unusedHint')}</Paragraph>
            <ul className="portal-list">
              {gap.unused.map((role) => (
                <li key={role.id}>{`${role.systemName}: ${role.name}`}</li>
              ))}
            </ul>
          </>
        )}
      </PageSection>
    </>
  );
}
