/** /people/:id — one person: who they are, where they work (past, present, future), who they report to. */
import { Button, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { HistoryList } from '../audit/HistoryList';
import { EditPersonDialog } from './EditPersonDialog';
import { usePerson, type EmploymentStatus, type Ref } from './queries';
import { InlineList, PageSection } from './PageSection';
import { personPageSections } from './person-sections';
import { RouteLink } from './RouteLink';
import { PageBreadcrumbs } from '../app/PageBreadcrumbs';

const statusColor: Record<EmploymentStatus, string> = { current: 'success', future: 'info', past: 'neutral' };

export function PersonPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation('org');
  const person = usePerson(id);
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  usePageTitle(person.data?.name ?? t('person.title'));

  if (person.isPending) return <Spinner aria-label={t('loading')} />;
  if (person.error) return <ErrorAlert error={person.error} />;
  const data = person.data;
  const date = (value: string | null) =>
    value ? new Date(`${value}T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO') : '–';

  return (
    <>
      <PageBreadcrumbs
        label={t('unit.breadcrumbs')}
        className="org-breadcrumbs"
        trail={[
          { to: '/people', label: t('people.title') },
          { to: `/people/${data.id}`, label: data.name },
        ]}
      />

      <Heading level={1} data-size="lg">
        {data.name}
      </Heading>
      <dl className="org-facts">
        <dt>{t('person.employeeNumber')}</dt>
        <dd>{data.employeeNumber}</dd>
        <dt>{t('person.email')}</dt>
        <dd>{data.email ? <Link href={`mailto:${data.email}`}>{data.email}</Link> : '–'}</dd>
        <dt>{t('person.kind')}</dt>
        <dd>{t(`personKind.${data.kind}`)}</dd>
        <dt>{t('person.manager')}</dt>
        <dd>{data.manager ? <RouteLink to={`/people/${data.manager.id}`}>{data.manager.name}</RouteLink> : t('person.noManager')}</dd>
      </dl>

      {session.can('org:write') && (
        <div className="org-actions">
          <Button
            ref={editButton}
            variant="secondary"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {t('editPerson.button')}
          </Button>
        </div>
      )}
      <p aria-live="polite">{saved ?? ''}</p>
      {editing && (
        <EditPersonDialog
          person={data}
          onClose={(message) => {
            setEditing(false);
            if (message) setSaved(message);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      )}

      <PageSection id="person-employments-heading" title={t('person.employments')}>
        {data.employments.length === 0 ? (
          <Paragraph>{t('person.noEmployments')}</Paragraph>
        ) : (
          <div className="org-table-wrap">
            <Table zebra>
              <caption className="visually-hidden-org">{t('person.employmentsCaption', { name: data.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('person.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.position')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.manager')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.start')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.end')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.employments.map((employment) => (
                  <Table.Row key={employment.id}>
                    <Table.Cell>
                      <RouteLink to={`/org/units/${employment.unit.id}`}>{employment.unit.name}</RouteLink>
                      {employment.isPrimary && data.employments.length > 1 && <> ({t('person.primary')})</>}
                    </Table.Cell>
                    <Table.Cell>{employment.position?.title ?? '–'}</Table.Cell>
                    <Table.Cell>
                      {employment.manager ? <RouteLink to={`/people/${employment.manager.id}`}>{employment.manager.name}</RouteLink> : '–'}
                    </Table.Cell>
                    <Table.Cell>{date(employment.startDate)}</Table.Cell>
                    <Table.Cell>{date(employment.endDate)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={statusColor[employment.status]} data-size="sm">
                        {t(`employmentStatus.${employment.status}`)}
                      </Tag>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </PageSection>

      <PageSection id="person-reports-heading" title={t('person.directReports', { count: data.directReports.length })}>
        <InlineList
          items={data.directReports}
          empty={t('person.noDirectReports')}
          render={(report) => (
            <>
              <RouteLink to={`/people/${report.id}`}>{report.name}</RouteLink>
              {report.position ? ` – ${report.position}` : ''}
            </>
          )}
        />
      </PageSection>

      <PageSection id="person-systems-heading" title={t('person.systems')}>
        <SystemList heading={t('person.ownedSystems')} systems={data.ownedSystems} none={t('person.noOwnedSystems')} />
        <SystemList heading={t('person.administeredSystems')} systems={data.administeredSystems} none={t('person.noAdministeredSystems')} />
      </PageSection>

      {personPageSections.map((Section, index) => (
        <Section key={index} personId={data.id} givenName={data.givenName} familyName={data.familyName} />
      ))}

      {/* HistoryList brings its own section and heading. */}
      <div className="org-section">
        <HistoryList entityType="persons" entityId={data.id} />
      </div>
    </>
  );
}

function SystemList({ heading, systems, none }: { heading: string; systems: Ref[]; none: string }) {
  return (
    <>
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <InlineList items={systems} empty={none} render={(system) => <RouteLink to={`/systems/${system.id}`}>{system.name}</RouteLink>} />
    </>
  );
}
