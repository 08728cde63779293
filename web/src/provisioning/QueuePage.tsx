/** "Kø og feil": how much work is where, and what keeps failing, with its error and a retry button. */
import { Alert, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { Paginator } from '../app/Paginator';
import { useSession } from '../app/session';
import { stateKey } from './labels';
import { OperationTable, RowButton } from './OperationTable';
import { useOperations, useOverview, useRetry, type OperationState } from './queries';

const states: OperationState[] = ['failed', 'queued', 'running', 'manual_pending', 'held', 'done', 'discarded'];

export function QueuePage() {
  const { t } = useTranslation('provisioning');
  usePageTitle(t('queue.title'));
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as OperationState | null) ?? 'failed';
  const page = Number(params.get('page') ?? 1) || 1;
  const overview = useOverview();
  const operations = useOperations(state, page);
  const retry = useRetry();

  return (
    <section aria-labelledby="queue-heading">
      <Heading level={1} data-size="lg" id="queue-heading">
        {t('queue.title')}
      </Heading>
      <Paragraph>{t('queue.intro')}</Paragraph>
      {overview.data && (
        <ul className="provisioning-counts" aria-label={t('queue.countsLabel')}>
          {states.map((s) => (
            <li key={s}>
              <Paragraph data-size="sm">{t(stateKey(s))}</Paragraph>
              <Paragraph data-size="lg">
                <strong>{overview.data.operations[s] ?? 0}</strong>
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      <Field>
        <Label>{t('queue.show')}</Label>
        <Select value={state} onChange={(event) => setParams({ state: event.target.value })}>
          {states.map((s) => (
            <Select.Option key={s} value={s}>
              {t(stateKey(s))}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {retry.error && <ErrorAlert error={retry.error} />}
      {operations.isPending ? (
        <PageLoading />
      ) : operations.error ? (
        <ErrorAlert error={operations.error} />
      ) : operations.data.items.length === 0 ? (
        <Alert data-color="success">
          <Paragraph>{state === 'failed' ? t('queue.noFailures') : t('queue.empty')}</Paragraph>
        </Alert>
      ) : (
        <>
          <OperationTable
            items={operations.data.items}
            caption={t('queue.caption', { state: t(stateKey(state)) })}
            action={
              can('provisioning:operate')
                ? (op) => (op.state === 'failed' ? <RowButton label={t('queue.retry')} onClick={() => retry.mutate(op.id)} loading={retry.isPending && retry.variables === op.id} /> : null)
                : undefined
            }
          />
          <Paginator page={page} pageSize={operations.data.pageSize} total={operations.data.total} label={t('queue.pages')} onChange={(next) => setParams({ state, page: String(next) })} />
        </>
      )}
    </section>
  );
}
