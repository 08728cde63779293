/**
 * The full HR file: upload → preview (joiners, movers, leavers, name changes in tabs; nothing
 * stored yet) → apply as a background job with progress. A bad file lists every problem and
 * changes nothing.
 */
import { Alert, Button, EXPERIMENTAL_FileUpload as FileUpload, Field, Heading, Label, Paragraph, Table, Tabs } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { JobProgress } from '../transfer/JobProgress';
import type { Job } from '../transfer/queries';
import { IdentityNav, useDay } from './IdentityNav';
import { useApplyHr, useDiscardHr, usePreviewHr, type HrPreview } from './queries';

export function HrImportPage() {
  const { t } = useTranslation('identity');
  usePageTitle(t('hr.title'));
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const preview = usePreviewHr();
  const apply = useApplyHr();
  const discard = useDiscardHr();

  const choose = (next: File | null) => {
    setFile(next);
    preview.reset();
    apply.reset();
    discard.reset();
    setJobId(null);
    setFinished(null);
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file) preview.mutate(file);
  };

  const rejection = preview.error instanceof ApiError && preview.error.status === 422 ? preview.error : null;

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('hr.title')}
      </Heading>
      <IdentityNav />
      <Paragraph>{t('hr.intro')}</Paragraph>

      <form onSubmit={check} className="identity-form">
        <Field>
          <Label htmlFor={inputId}>{t('hr.fileLabel')}</Label>
          <FileUpload>
            <Field.Description>{t('hr.fileHint')}</Field.Description>
            <Button asChild variant="secondary" data-size="sm">
              <span>{file ? t('hr.chooseOther') : t('hr.choose')}</span>
            </Button>
            <input id={inputId} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => choose(event.target.files?.[0] ?? null)} />
          </FileUpload>
        </Field>
        <Paragraph data-size="sm" aria-live="polite">
          {file ? t('hr.chosen', { name: file.name }) : ''}
        </Paragraph>
        <Button type="submit" disabled={!file || preview.isPending || jobId !== null} loading={preview.isPending}>
          {t('hr.check')}
        </Button>
      </form>

      <div aria-live="polite">
        {rejection && (
          <Alert data-color="danger">
            <Heading level={2} data-size="xs">
              {t('hr.rejected', { n: rejection.problems.length })}
            </Heading>
            <Paragraph>{rejection.message}</Paragraph>
            <Table data-size="sm">
              <caption className="identity-visually-hidden">{t('hr.problemsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('hr.line')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('hr.column')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('hr.problem')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rejection.problems.map((problem, index) => (
                  <Table.Row key={index}>
                    <Table.Cell>{problem.line}</Table.Cell>
                    <Table.Cell>{problem.field}</Table.Cell>
                    <Table.Cell>{problem.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </Alert>
        )}
      </div>
      {preview.error && !rejection && <ErrorAlert error={preview.error} />}

      {preview.data && !jobId && discard.isIdle && (
        <PreviewView
          preview={preview.data}
          applying={apply.isPending}
          onApply={() => apply.mutate(preview.data.runId, { onSuccess: ({ jobId: id }) => setJobId(id) })}
          onDiscard={() => discard.mutate(preview.data.runId)}
        />
      )}
      {apply.error && <ErrorAlert error={apply.error} />}
      {discard.isSuccess && <Alert data-color="info">{t('hr.discarded')}</Alert>}

      {jobId && (
        <section aria-labelledby="hr-apply-heading" className="identity-section">
          <Heading level={2} data-size="sm" id="hr-apply-heading">
            {t('hr.applyingHeading')}
          </Heading>
          <JobProgress
            jobId={jobId}
            label={t('hr.progress')}
            onFinished={(job) => {
              setFinished(job);
              if (job.state === 'completed') void queryClient.invalidateQueries();
            }}
          />
          {finished?.state === 'completed' && <Alert data-color="success">{t('hr.applied')}</Alert>}
          {finished?.state === 'failed' && <Alert data-color="danger">{finished.error ?? t('hr.failed')}</Alert>}
        </section>
      )}
    </>
  );
}

function PreviewView({ preview, applying, onApply, onDiscard }: { preview: HrPreview; applying: boolean; onApply(): void; onDiscard(): void }) {
  const { t } = useTranslation('identity');
  const day = useDay();
  const c = preview.counts;
  const placement = (p: { unitCode: string; position: string | null; manager: string | null }) =>
    [p.unitCode, p.position, p.manager ? t('hr.managerNumber', { number: p.manager }) : null].filter(Boolean).join(', ');
  const table = (caption: string, headers: string[], rows: ReactNode[][]) =>
    rows.length === 0 ? (
      <Paragraph>{t('hr.noneOfKind')}</Paragraph>
    ) : (
      <div className="identity-table-wrap">
        <Table zebra data-size="sm">
          <caption className="identity-visually-hidden">{caption}</caption>
          <Table.Head>
            <Table.Row>
              {headers.map((header) => (
                <Table.HeaderCell key={header}>{header}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((cells, index) => (
              <Table.Row key={index}>
                {cells.map((cell, column) => (
                  <Table.Cell key={column}>{cell}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    );
  return (
    <section aria-labelledby="hr-preview-heading" className="identity-section">
      <Heading level={2} data-size="sm" id="hr-preview-heading">
        {t('hr.previewHeading', { file: preview.fileName })}
      </Heading>
      <Paragraph>
        {t('hr.summary', { rows: c.rows, joiners: c.joiners, movers: c.movers, leavers: c.leavers, names: c.nameChanges, unchanged: c.unchanged })}
      </Paragraph>
      {preview.warning && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t('hr.warningHeading')}
          </Heading>
          <Paragraph>{preview.warning}</Paragraph>
        </Alert>
      )}
      <Tabs defaultValue="joiners">
        <Tabs.List>
          <Tabs.Tab value="joiners">{t('hr.tab.joiners', { n: c.joiners })}</Tabs.Tab>
          <Tabs.Tab value="movers">{t('hr.tab.movers', { n: c.movers })}</Tabs.Tab>
          <Tabs.Tab value="leavers">{t('hr.tab.leavers', { n: c.leavers })}</Tabs.Tab>
          <Tabs.Tab value="names">{t('hr.tab.names', { n: c.nameChanges })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="joiners">
          {table(
            t('hr.tab.joiners', { n: c.joiners }),
            [t('hr.col.number'), t('hr.col.name'), t('hr.col.placement'), t('hr.col.start')],
            preview.joiners.map((j) => [j.employeeNumber, `${j.givenName} ${j.familyName}`, placement(j), day(j.startDate)]),
          )}
        </Tabs.Panel>
        <Tabs.Panel value="movers">
          {table(
            t('hr.tab.movers', { n: c.movers }),
            [t('hr.col.number'), t('hr.col.name'), t('hr.col.from'), t('hr.col.to'), t('hr.col.start')],
            preview.movers.map((m) => [m.employeeNumber, m.name, placement(m.from), placement(m.to), day(m.employmentStartDate)]),
          )}
        </Tabs.Panel>
        <Tabs.Panel value="leavers">
          {table(
            t('hr.tab.leavers', { n: c.leavers }),
            [t('hr.col.number'), t('hr.col.name'), t('hr.col.end'), t('hr.col.reason')],
            preview.leavers.map((l) => [l.employeeNumber, l.name, day(l.endDate), t(`hr.reason.${l.reason}`)]),
          )}
        </Tabs.Panel>
        <Tabs.Panel value="names">
          {table(
            t('hr.tab.names', { n: c.nameChanges }),
            [t('hr.col.number'), t('hr.col.from'), t('hr.col.to')],
            preview.nameChanges.map((n) => [n.employeeNumber, `${n.from.givenName} ${n.from.familyName}`, `${n.to.givenName} ${n.to.familyName}`]),
          )}
        </Tabs.Panel>
      </Tabs>
      <div className="identity-actions">
        <Button onClick={onApply} loading={applying}>
          {t('hr.apply')}
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          {t('hr.discard')}
        </Button>
      </div>
    </section>
  );
}
