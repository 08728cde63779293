import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { actionKey, stateKey } from './labels';
import type { Operation } from './queries';

const stateColor = { done: 'success', failed: 'danger', held: 'warning', manual_pending: 'info', queued: 'neutral', running: 'neutral', discarded: 'neutral' } as const;

/** Operations as a table; `action` renders a button per row (retry, tick off). */
export function OperationTable({ items, caption, action }: { items: Operation[]; caption: string; action?: (op: Operation) => React.ReactNode }) {
  const { t } = useTranslation('provisioning');
  const format = useFormat();
  return (
    <Table zebra data-size="sm">
      <caption className="visually-hidden">{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('columns.person')}</Table.HeaderCell>
          <Table.HeaderCell>{t('columns.system')}</Table.HeaderCell>
          <Table.HeaderCell>{t('columns.action')}</Table.HeaderCell>
          <Table.HeaderCell>{t('columns.role')}</Table.HeaderCell>
          <Table.HeaderCell>{t('columns.state')}</Table.HeaderCell>
          <Table.HeaderCell>{t('columns.detail')}</Table.HeaderCell>
          <Table.HeaderCell>{t('columns.updated')}</Table.HeaderCell>
          {action && <Table.HeaderCell>{t('columns.do')}</Table.HeaderCell>}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {items.map((op) => (
          <Table.Row key={op.id}>
            <Table.Cell>
              {op.personName}
              {op.username && <div className="provisioning-muted">{op.username}</div>}
            </Table.Cell>
            <Table.Cell>{op.systemName}</Table.Cell>
            <Table.Cell>{t(actionKey(op.action))}</Table.Cell>
            <Table.Cell>{op.systemRoleName ?? ''}</Table.Cell>
            <Table.Cell>
              <Tag data-color={stateColor[op.state]} data-size="sm">
                {t(stateKey(op.state))}
              </Tag>
            </Table.Cell>
            <Table.Cell className="provisioning-error">
              {op.lastError ? t('queue.error', { error: op.lastError, attempts: op.attempts }) : (op.outcome ?? op.reason)}
            </Table.Cell>
            <Table.Cell>{format.dateTime(op.updatedAt)}</Table.Cell>
            {action && <Table.Cell>{action(op)}</Table.Cell>}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function RowButton({ label, onClick, loading }: { label: string; onClick(): void; loading?: boolean }) {
  return (
    <Button data-size="sm" variant="secondary" onClick={onClick} loading={loading}>
      {label}
    </Button>
  );
}
