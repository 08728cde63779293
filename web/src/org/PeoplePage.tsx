/** /people — everyone in the municipality: search by name, employee number or e-mail; filter by unit. */
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { withQueryChanges } from '../app/url-query';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useOrgUnits, usePersons } from './queries';
import { RouteLink } from './RouteLink';
import { allNodes, buildTree } from './tree';
import { useDebouncedValue } from './use-debounced-value';

const pageSize = 50;

export function PeoplePage() {
  const { t } = useTranslation('org');
  usePageTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? '';
  const includeSubunits = params.get('subunits') !== 'false';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('search') ?? '');
  const settledSearch = useDebouncedValue(search.trim(), 300);

  const units = useOrgUnits();
  const unitOptions = useMemo(() => allNodes(buildTree(units.data ?? [])), [units.data]);
  const persons = usePersons({ search: settledSearch || undefined, unitId: unitId || undefined, includeSubunits, page, pageSize });

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => withQueryChanges(current, changes),
      { replace: true },
    );

  // The search text lives in the URL too, so a search can be shared and survives going back.
  const urlSearch = params.get('search') ?? '';
  useEffect(() => {
    if (settledSearch === urlSearch) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (settledSearch) next.set('search', settledSearch);
        else next.delete('search');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [settledSearch, urlSearch, setParams]);

  const total = persons.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('people.title')}
      </Heading>
      <Paragraph>{t('people.intro')}</Paragraph>

      <search className="org-filters">
        <Textfield
          type="search"
          label={t('people.searchLabel')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
        />
        <Field>
          <Label>{t('people.unitLabel')}</Label>
          <Select value={unitId} onChange={(event) => update({ unitId: event.target.value, page: null })}>
            <Select.Option value="">{t('people.allUnits')}</Select.Option>
            {unitOptions.map((node) => (
              <Select.Option key={node.unit.id} value={node.unit.id}>
                {`${'\u00a0\u00a0'.repeat(node.level - 1)}${node.unit.name}`}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={t('people.includeSubunits')}
          checked={includeSubunits}
          disabled={!unitId}
          onChange={(event) => update({ subunits: event.target.checked ? null : 'false', page: null })}
        />
      </search>

      <p aria-live="polite" aria-atomic="true">
        {persons.data ? t('people.showing', { first, last, total }) : ''}
      </p>

      {persons.isPending ? (
        <Spinner aria-label={t('loading')} />
      ) : persons.error ? (
        <ErrorAlert error={persons.error} />
      ) : persons.data.items.length === 0 ? (
        <Paragraph>{t('people.none')}</Paragraph>
      ) : (
        <div className="org-table-wrap">
          <Table zebra aria-busy={persons.isFetching}>
            <caption className="visually-hidden-org">{t('people.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('person.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.employeeNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.position')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.kind')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {persons.data.items.map((person) => (
                <Table.Row key={person.id}>
                  <Table.Cell>
                    <RouteLink to={`/people/${person.id}`}>{person.name}</RouteLink>
                  </Table.Cell>
                  <Table.Cell>{person.employeeNumber}</Table.Cell>
                  <Table.Cell>{person.position ?? '–'}</Table.Cell>
                  <Table.Cell>{person.unit ? <RouteLink to={`/org/units/${person.unit.id}`}>{person.unit.name}</RouteLink> : '–'}</Table.Cell>
                  <Table.Cell>{person.email ?? '–'}</Table.Cell>
                  <Table.Cell>{t(`personKind.${person.kind}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      {pages > 1 && (
        <nav className="org-pager" aria-label={t('people.pagination')}>
          <Button variant="secondary" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
            {t('people.previous')}
          </Button>
          <span>{t('people.page', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
            {t('people.next')}
          </Button>
        </nav>
      )}
    </>
  );
}
