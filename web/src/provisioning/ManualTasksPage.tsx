/** "Manuelle oppgaver": work for systems without an API, per system, to tick off; CSV for the administrator. */
import { Alert, Field, Heading, Label, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { OperationTable, RowButton } from './OperationTable';
import { useCompleteTask, useConnectors, useManualTasks } from './queries';

export function ManualTasksPage() {
  const { t } = useTranslation('provisioning');
  usePageTitle(t('manual.title'));
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const systemId = params.get('system') ?? undefined;
  const connectors = useConnectors();
  const tasks = useManualTasks(systemId);
  const complete = useCompleteTask();
  const [message, setMessage] = useState<string | null>(null);
  const manualSystems = (connectors.data?.items ?? []).filter((c) => c.kind === 'manual');
  const csv = `/api/provisioning/manual-tasks.csv${systemId ? `?systemId=${systemId}` : ''}`;

  return (
    <section aria-labelledby="manual-heading">
      <Heading level={1} data-size="lg" id="manual-heading">
        {t('manual.title')}
      </Heading>
      <Paragraph>{t('manual.intro')}</Paragraph>
      <div className="provisioning-actions">
        <Field>
          <Label>{t('manual.system')}</Label>
          <Select value={systemId ?? ''} onChange={(event) => setParams(event.target.value ? { system: event.target.value } : {})}>
            <Select.Option value="">{t('manual.allSystems')}</Select.Option>
            {manualSystems.map((c) => (
              <Select.Option key={c.systemId} value={c.systemId}>
                {c.systemName}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Link href={csv} download>
          {t('manual.csv')}
        </Link>
      </div>
      {message && (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {complete.error && <ErrorAlert error={complete.error} />}
      {tasks.isPending ? (
        <PageLoading />
      ) : tasks.error ? (
        <ErrorAlert error={tasks.error} />
      ) : tasks.data.items.length === 0 ? (
        <Paragraph>{t('manual.none')}</Paragraph>
      ) : (
        <OperationTable
          items={tasks.data.items}
          caption={t('manual.caption')}
          action={
            can('provisioning:operate')
              ? (op) => (
                  <RowButton
                    label={t('manual.done')}
                    loading={complete.isPending && complete.variables === op.id}
                    onClick={() => complete.mutate(op.id, { onSuccess: () => setMessage(t('manual.marked', { name: op.personName, system: op.systemName })) })}
                  />
                )
              : undefined
          }
        />
      )}
    </section>
  );
}
