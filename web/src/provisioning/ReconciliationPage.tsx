/** "Avstemming": what each system actually has against what people should have, with an action per finding. */
import { Alert, Button, Card, Dialog, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { PersonPicker } from '../org/PersonPicker';
import { useConnectors, useReconciliationRun, useReconciliations, useResolveFinding, useStartReconciliation, type Finding } from './queries';

type Action = 'provision' | 'revoke' | 'link' | 'ignore';
const actionsFor: Record<Finding['kind'], Action[]> = { orphan_account: ['link', 'revoke', 'ignore'], missing_access: ['provision', 'ignore'], excess_access: ['revoke', 'ignore'] };

function LinkDialog({ finding, onClose }: { finding: Finding; onClose(): void }) {
  const { t } = useTranslation('provisioning');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const resolve = useResolveFinding();
  return (
    <Dialog open onClose={onClose} closeButton={t('reconciliation.close')} aria-labelledby="link-heading">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="link-heading">
          {t('reconciliation.linkHeading', { username: finding.username })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <PersonPicker legend={t('reconciliation.linkPerson')} searchLabel={t('reconciliation.linkSearch')} noneLabel={t('reconciliation.linkNone')} value={person} onChange={setPerson} name="link-person" />
        {resolve.error && <ErrorAlert error={resolve.error} />}
        <div className="provisioning-actions">
          <Button disabled={!person} loading={resolve.isPending} onClick={() => person && resolve.mutate({ id: finding.id, action: 'link', personId: person.id }, { onSuccess: onClose })}>
            {t('reconciliation.actions.link')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('connectors.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

function RunFindings({ runId }: { runId: string }) {
  const { t } = useTranslation('provisioning');
  const { can } = useSession();
  const run = useReconciliationRun(runId);
  const resolve = useResolveFinding();
  const [linking, setLinking] = useState<Finding | null>(null);
  if (run.isPending) return <PageLoading />;
  if (run.error) return <ErrorAlert error={run.error} />;
  const open = run.data.findings;
  return (
    <section aria-labelledby="findings-heading" className="provisioning-stack-wide">
      <Heading level={2} data-size="sm" id="findings-heading">
        {t('reconciliation.findingsFor', { system: run.data.systemName })}
      </Heading>
      {run.data.state === 'failed' && (
        <Alert data-color="danger">
          <Paragraph>{run.data.error}</Paragraph>
        </Alert>
      )}
      {(run.data.state === 'queued' || run.data.state === 'running') && <Paragraph role="status">{t('reconciliation.running')}</Paragraph>}
      {resolve.error && <ErrorAlert error={resolve.error} />}
      {run.data.state === 'completed' && open.length === 0 && <Paragraph>{t('reconciliation.noFindings')}</Paragraph>}
      {open.length > 0 && (
        <Table zebra data-size="sm">
          <caption className="visually-hidden">{t('reconciliation.findingsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reconciliation.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reconciliation.account')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.person')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.detail')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.do')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {open.map((f) => (
              <Table.Row key={f.id}>
                <Table.Cell>
                  <Tag data-size="sm" data-color={f.kind === 'missing_access' ? 'info' : 'warning'}>
                    {t(`reconciliation.kinds.${f.kind}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{f.username ?? ''}</Table.Cell>
                <Table.Cell>{f.personName ?? ''}</Table.Cell>
                <Table.Cell>{f.systemRoleName ?? ''}</Table.Cell>
                <Table.Cell>{f.detail}</Table.Cell>
                <Table.Cell>
                  {f.resolution !== 'open' ? (
                    t(`reconciliation.resolutions.${f.resolution}`, { by: f.resolvedBy })
                  ) : can('provisioning:operate') ? (
                    <div className="provisioning-actions">
                      {actionsFor[f.kind].map((action) => (
                        <Button
                          key={action}
                          data-size="sm"
                          variant={action === 'ignore' ? 'tertiary' : 'secondary'}
                          loading={resolve.isPending && resolve.variables?.id === f.id && resolve.variables.action === action}
                          onClick={() => (action === 'link' ? setLinking(f) : resolve.mutate({ id: f.id, action }))}
                        >
                          {t(`reconciliation.actions.${action}`)}
                        </Button>
                      ))}
                    </div>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {linking && <LinkDialog finding={linking} onClose={() => setLinking(null)} />}
    </section>
  );
}

export function ReconciliationPage() {
  const { t } = useTranslation('provisioning');
  usePageTitle(t('reconciliation.title'));
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const runs = useReconciliations();
  const connectors = useConnectors();
  const start = useStartReconciliation();

  const begin = (systemId: string, csv?: string) => start.mutate({ systemId, csv }, { onSuccess: ({ runId: id }) => setParams({ run: id }) });
  const upload = (event: ChangeEvent<HTMLInputElement>, systemId: string) => {
    const file = event.target.files?.[0];
    if (file) void file.text().then((text) => begin(systemId, text));
    event.target.value = '';
  };
  const latest = new Map((runs.data?.items ?? []).map((r) => [r.systemId, r]));
  const connected = (connectors.data?.items ?? []).filter((c) => c.kind);

  return (
    <section aria-labelledby="reconciliation-heading" className="provisioning-stack-wide">
      <Heading level={1} data-size="lg" id="reconciliation-heading">
        {t('reconciliation.title')}
      </Heading>
      <Paragraph>{t('reconciliation.intro')}</Paragraph>
      {start.error && <ErrorAlert error={start.error} />}
      {runs.isPending || connectors.isPending ? (
        <PageLoading />
      ) : runs.error ? (
        <ErrorAlert error={runs.error} />
      ) : (
        <Table zebra data-size="sm">
          <caption className="visually-hidden">{t('reconciliation.summaryCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('columns.system')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reconciliation.last')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reconciliation.accounts')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reconciliation.kinds.orphan_account')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reconciliation.kinds.missing_access')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reconciliation.kinds.excess_access')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.do')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {connected.map((c) => {
              const run = latest.get(c.systemId);
              return (
                <Table.Row key={c.systemId}>
                  <Table.Cell>{c.systemName}</Table.Cell>
                  <Table.Cell>{run ? `${format.dateTime(run.createdAt)} (${t(`reconciliation.states.${run.state}`)})` : t('reconciliation.never')}</Table.Cell>
                  <Table.Cell>{run?.accountCount ?? ''}</Table.Cell>
                  <Table.Cell>{run?.orphanCount ?? ''}</Table.Cell>
                  <Table.Cell>{run?.missingCount ?? ''}</Table.Cell>
                  <Table.Cell>{run?.excessCount ?? ''}</Table.Cell>
                  <Table.Cell>
                    <div className="provisioning-actions">
                      {run && (
                        <Button data-size="sm" variant="tertiary" onClick={() => setParams({ run: run.id })} aria-label={t('reconciliation.showFor', { system: c.systemName })}>
                          {t('reconciliation.show')}
                        </Button>
                      )}
                      {can('provisioning:operate') && c.kind !== 'manual' && (
                        <Button data-size="sm" variant="secondary" onClick={() => begin(c.systemId)} aria-label={t('reconciliation.runFor', { system: c.systemName })}>
                          {t('reconciliation.run')}
                        </Button>
                      )}
                      {can('provisioning:operate') && (
                        <label className="ds-button provisioning-file" data-variant="secondary" data-size="sm">
                          {t('reconciliation.csv')}
                          <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(event) => upload(event, c.systemId)} aria-label={t('reconciliation.csvFor', { system: c.systemName })} />
                        </label>
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      <Card data-color="neutral">
        <Paragraph data-size="sm">{t('reconciliation.csvFormat')}</Paragraph>
      </Card>
      {runId && <RunFindings runId={runId} />}
    </section>
  );
}
