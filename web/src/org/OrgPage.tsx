/** /org — the org unit tree [Organisasjon]: search it, select a unit to see it beside the tree, move it. */
import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { ImportExportPanel } from '../transfer/ImportExportPanel';
import { MoveUnitDialog } from './MoveUnitDialog';
import { OrgTree } from './OrgTree';
import { useOrgUnit, useOrgUnits } from './queries';
import { RouteLink } from './RouteLink';
import { buildTree, searchTree, type OrgUnitSummary } from './tree';
import { useDebouncedValue } from './use-debounced-value';

export function OrgPage() {
  const { t } = useTranslation('org');
  usePageTitle(t('orgPage.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query, 150);
  const units = useOrgUnits();
  const roots = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const matchCount = useMemo(() => searchTree(roots, settledQuery)?.matchIds.size, [roots, settledQuery]);
  const selected = units.data?.find((unit) => unit.id === selectedId) ?? null;

  const select = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('unit', id);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('orgPage.title')}
      </Heading>
      <Paragraph className="org-page__intro">
        {t('orgPage.intro')} <RouteLink to="/people">{t('orgPage.peopleLink')}</RouteLink>
      </Paragraph>

      <div className="org-layout">
        <section aria-labelledby="org-units-heading">
          <Heading level={2} data-size="sm" id="org-units-heading">
            {t('orgPage.unitsHeading')}
          </Heading>
          <Textfield
            className="org-search"
            type="search"
            label={t('tree.searchLabel')}
            description={t('tree.searchDescription')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
          />
          <p className="visually-hidden-org" aria-live="polite" aria-atomic="true">
            {matchCount === undefined ? '' : t('tree.matchCount', { count: matchCount })}
          </p>
          {units.isPending ? (
            <Spinner aria-label={t('loading')} />
          ) : units.error ? (
            <ErrorAlert error={units.error} />
          ) : (
            <OrgTree
              roots={roots}
              query={settledQuery}
              selectedId={selectedId}
              onSelect={select}
              onOpen={(id) => navigate(`/org/units/${id}`)}
              label={t('tree.label')}
            />
          )}
        </section>

        <section aria-labelledby="org-panel-heading" className="org-layout__panel">
          {selected ? (
            <UnitPanel unit={selected} units={units.data ?? []} />
          ) : (
            <>
              <Heading level={2} data-size="sm" id="org-panel-heading">
                {t('panel.noneHeading')}
              </Heading>
              <Paragraph>{t('panel.none')}</Paragraph>
            </>
          )}
        </section>
      </div>

      <ImportExportPanel kind="org" />
    </>
  );
}

/** The selected unit beside the tree: the essentials and what you can do with it. */
function UnitPanel({ unit, units }: { unit: OrgUnitSummary; units: OrgUnitSummary[] }) {
  const { t } = useTranslation('org');
  const session = useSession();
  const detail = useOrgUnit(unit.id);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  const moveButton = useRef<HTMLButtonElement>(null);
  const parent = units.find((candidate) => candidate.id === unit.parentId);

  return (
    <>
      <Heading level={2} data-size="sm" id="org-panel-heading">
        {unit.name}
      </Heading>
      <dl className="org-facts">
        <dt>{t('unit.kind')}</dt>
        <dd>{t(`unitKind.${unit.kind}`, { defaultValue: unit.kind })}</dd>
        <dt>{t('unit.code')}</dt>
        <dd>{unit.code}</dd>
        <dt>{t('unit.parent')}</dt>
        <dd>{parent ? parent.name : t('unit.noParent')}</dd>
        <dt>{t('unit.leader')}</dt>
        <dd>
          {detail.data?.manager ? (
            <RouteLink to={`/people/${detail.data.manager.id}`}>{detail.data.manager.name}</RouteLink>
          ) : (
            (unit.managerName ?? t('unit.noLeader'))
          )}
        </dd>
        <dt>{t('unit.employeeCount')}</dt>
        <dd>{unit.employeeCount}</dd>
        <dt>{t('unit.subunitCount')}</dt>
        <dd>{unit.descendantCount}</dd>
      </dl>
      <div className="org-actions">
        <RouteLink to={`/org/units/${unit.id}`}>{t('panel.open', { name: unit.name })}</RouteLink>
      </div>
      {session.can('org:write') && (
        <div className="org-actions">
          <Button ref={moveButton} variant="secondary" onClick={() => {
              setMoved(null);
              setMoving(true);
            }}>
            {t('move.button')}
          </Button>
        </div>
      )}
      <p aria-live="polite" className="org-status">
        {moved ?? ''}
      </p>
      {moving && (
        <MoveUnitDialog
          unit={unit}
          units={units}
          onClose={(message) => {
            setMoving(false);
            if (message) setMoved(message);
            // The dialog is gone; focus goes back to what opened it.
            requestAnimationFrame(() => moveButton.current?.focus());
          }}
        />
      )}
    </>
  );
}
