/** A full recompute [full omberegning] on demand, its progress, and the runs so far with what they changed. */
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useSession } from '../app/session';
import { JobProgress } from '../transfer/JobProgress';
import { useRecompute, useRecomputeRuns } from './queries';

export function RecomputePanel() {
  const { t, i18n } = useTranslation('access');
  const { can } = useSession();
  const recompute = useRecompute();
  const runs = useRecomputeRuns(can('access:people'));
  const [jobId, setJobId] = useState<string | null>(null);
  const time = (value: string) => new Date(value).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO');

  return (
    <section className="page-section" aria-labelledby="access-recompute-heading">
      <Heading level={2} data-size="sm" id="access-recompute-heading">
        {t('recompute.heading')}
      </Heading>
      <Paragraph>{t('recompute.intro')}</Paragraph>
      <div className="button-row">
        <Button variant="secondary" disabled={recompute.isPending} onClick={() => recompute.mutate(undefined, { onSuccess: (started) => setJobId(started.jobId) })}>
          {t('recompute.start')}
        </Button>
      </div>
      {recompute.error && <ErrorAlert error={recompute.error} />}
      {jobId && <JobProgress jobId={jobId} label={t('recompute.progress')} onFinished={() => void runs.refetch()} />}
      {runs.data && runs.data.items.length > 0 && (
        <div className="access-table-wrap">
          <Table data-size="sm">
            <caption>{t('recompute.runs')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('recompute.started')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.people')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.grants')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.revokes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.held')}</Table.HeaderCell>
                <Table.HeaderCell>{t('recompute.batch')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {runs.data.items.slice(0, 20).map((run) => (
                <Table.Row key={run.id}>
                  <Table.Cell>{time(run.startedAt)}</Table.Cell>
                  <Table.Cell>{t(`recompute.kinds.${run.kind}`)}</Table.Cell>
                  <Table.Cell>{run.error ? `${t(`recompute.states.${run.state}`)}: ${run.error}` : t(`recompute.states.${run.state}`)}</Table.Cell>
                  <Table.Cell>{run.peopleCount}</Table.Cell>
                  <Table.Cell>{run.grantCount}</Table.Cell>
                  <Table.Cell>{run.revokeCount}</Table.Cell>
                  <Table.Cell>{run.heldCount}</Table.Cell>
                  <Table.Cell>{run.batchState ? t(`recompute.batchStates.${run.batchState}`, { defaultValue: run.batchState }) : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
