import { Link, Table } from '@digdir/designsystemet-react';
import type { AriaAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../app/format';
import { CriticalityTag } from './CriticalityTag';
import type { SystemSortKey, SystemSummary } from './model';

interface Column {
  label: string;
  sortKey?: SystemSortKey;
  numeric?: boolean;
}

export function SystemTable({
  systems,
  sort,
  order,
  onSort,
}: {
  systems: SystemSummary[];
  sort: SystemSortKey;
  order: 'asc' | 'desc';
  onSort: (key: SystemSortKey) => void;
}) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const columns: Column[] = [
    { label: t('field.name'), sortKey: 'name' },
    { label: t('field.lifecyclePhase'), sortKey: 'lifecyclePhase' },
    { label: t('field.criticality'), sortKey: 'criticality' },
    { label: t('field.owner') },
    { label: t('field.owningUnit') },
    { label: t('field.supplier'), sortKey: 'supplier' },
    { label: t('field.annualCost'), sortKey: 'annualCost', numeric: true },
  ];
  const ariaSort = (key: SystemSortKey): AriaAttributes['aria-sort'] =>
    sort === key ? (order === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <div className="table-scroll">
      <Table zebra hover className="system-table">
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell
                key={column.label}
                sort={column.sortKey ? ariaSort(column.sortKey) : undefined}
                onClick={column.sortKey ? () => onSort(column.sortKey!) : undefined}
                className={column.numeric ? 'numeric' : undefined}
              >
                {column.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {systems.map((system) => (
            <Table.Row key={system.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/systems/${system.id}`}>{system.name}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{t(`lifecyclePhase.${system.lifecyclePhase}`)}</Table.Cell>
              <Table.Cell>
                <CriticalityTag criticality={system.criticality} />
              </Table.Cell>
              <Table.Cell>{system.owner?.name ?? t('list.notSet')}</Table.Cell>
              <Table.Cell>{system.owningUnit?.name ?? t('list.notSet')}</Table.Cell>
              <Table.Cell>{system.supplier ?? t('list.notSet')}</Table.Cell>
              <Table.Cell className="numeric">{system.annualCost === null ? t('list.notSet') : format.money(system.annualCost)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
