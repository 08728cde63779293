/** /org/units/:id — one unit [enhet]: where it sits, its leader, sub-units, employees, systems, history. */
import { Button, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { HistoryList } from '../audit/HistoryList';
import { EditUnitDialog } from './EditUnitDialog';
import { MoveUnitDialog } from './MoveUnitDialog';
import { useOrgUnit, useOrgUnits } from './queries';
import { InlineList, PageSection } from './PageSection';
import { RouteLink } from './RouteLink';
import { PageBreadcrumbs } from '../app/PageBreadcrumbs';

export function UnitPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('org');
  const session = useSession();
  const unit = useOrgUnit(id);
  const units = useOrgUnits();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const moveButton = useRef<HTMLButtonElement>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  usePageTitle(unit.data?.name ?? t('unit.title'));

  if (unit.isPending) return <Spinner aria-label={t('loading')} />;
  if (unit.error) return <ErrorAlert error={unit.error} />;
  const data = unit.data;
  const ancestors = data.path.filter((step) => step.id !== data.id);
  const summary = units.data?.find((candidate) => candidate.id === data.id);

  return (
    <>
      <PageBreadcrumbs
        label={t('unit.breadcrumbs')}
        className="org-breadcrumbs"
        trail={[
          { to: '/org', label: t('orgPage.title') },
          ...ancestors.map((step) => ({ to: `/org/units/${step.id}`, label: step.name })),
          { to: `/org/units/${data.id}`, label: data.name },
        ]}
      />

      <Heading level={1} data-size="lg">
        {data.name}
      </Heading>
      <Tag data-color="info">{t(`unitKind.${data.kind}`, { defaultValue: data.kind })}</Tag>

      <dl className="org-facts">
        <dt>{t('unit.code')}</dt>
        <dd>{data.code}</dd>
        <dt>{t('unit.leader')}</dt>
        <dd>{data.manager ? <RouteLink to={`/people/${data.manager.id}`}>{data.manager.name}</RouteLink> : t('unit.noLeader')}</dd>
        <dt>{t('unit.parent')}</dt>
        <dd>{data.parent ? <RouteLink to={`/org/units/${data.parent.id}`}>{data.parent.name}</RouteLink> : t('unit.noParent')}</dd>
        <dt>{t('unit.employeeCount')}</dt>
        <dd>{data.employees.length}</dd>
      </dl>

      <div className="org-links">
        <RouteLink to={`/org?unit=${data.id}`}>{t('unit.showInTree')}</RouteLink>
        <RouteLink to={`/people?unitId=${data.id}`}>{t('unit.peopleInUnit')}</RouteLink>
      </div>
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
            {t('edit.button')}
          </Button>
          {summary && (
            <Button
              ref={moveButton}
              variant="secondary"
              onClick={() => {
                setSaved(null);
                setMoving(true);
              }}
            >
              {t('move.button')}
            </Button>
          )}
        </div>
      )}
      <p aria-live="polite">{saved ?? ''}</p>
      {moving && summary && (
        <MoveUnitDialog
          unit={summary}
          units={units.data ?? []}
          onClose={(message) => {
            setMoving(false);
            if (message) setSaved(message);
            requestAnimationFrame(() => moveButton.current?.focus());
          }}
        />
      )}
      {editing && (
        <EditUnitDialog
          unit={data}
          onClose={(message) => {
            setEditing(false);
            if (message) setSaved(message);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      )}

      <PageSection id="unit-children-heading" title={t('unit.children')}>
        <InlineList
          items={data.children}
          empty={t('unit.noChildren')}
          render={(child) => (
            <>
              <RouteLink to={`/org/units/${child.id}`}>{child.name}</RouteLink> ({t(`unitKind.${child.kind}`, { defaultValue: child.kind })})
            </>
          )}
        />
      </PageSection>

      <PageSection id="unit-employees-heading" title={t('unit.employees', { count: data.employees.length })}>
        {data.employees.length === 0 ? (
          <Paragraph>{t('unit.noEmployees')}</Paragraph>
        ) : (
          <div className="org-table-wrap">
            <Table zebra>
              <caption className="visually-hidden-org">{t('unit.employeesCaption', { name: data.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('person.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.position')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('person.employeeNumber')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.employees.map((employee) => (
                  <Table.Row key={employee.personId}>
                    <Table.Cell>
                      <RouteLink to={`/people/${employee.personId}`}>{employee.name}</RouteLink>
                      {employee.isManager && (
                        <>
                          {' '}
                          <Tag data-color="accent" data-size="sm">
                            {t('unit.isLeader')}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{employee.position ?? '–'}</Table.Cell>
                    <Table.Cell>{employee.employeeNumber}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </PageSection>

      <PageSection id="unit-systems-heading" title={t('unit.systems')}>
        <InlineList
          items={data.systems}
          empty={t('unit.noSystems')}
          render={(system) => <RouteLink to={`/systems/${system.id}`}>{system.name}</RouteLink>}
        />
      </PageSection>

      {/* HistoryList brings its own section and heading. */}
      <div className="org-section">
        <HistoryList entityType="org_units" entityId={data.id} />
      </div>
    </>
  );
}
