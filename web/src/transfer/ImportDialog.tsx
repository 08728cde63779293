/**
 * Import a file in three steps, the same for every kind: choose a file → check it (preview: every
 * row validated, nothing stored) → apply it as a background job, with progress. A file with any bad
 * row is rejected whole and every problem is listed with its line and column.
 */
import { Alert, Button, Dialog, EXPERIMENTAL_FileUpload as FileUpload, Field, Heading, Label, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { importCounts } from './import-counts';
import { JobProgress } from './JobProgress';
import { useApplyImport, usePreviewImport, type ImportPreview, type Job, type TransferKind } from './queries';

/** How many of the checked rows are listed before applying; the summary counts them all. */
const changesShown = 20;

interface ImportDialogProps {
  kind: TransferKind;
  onClose(): void;
}

export function ImportDialog({ kind, onClose }: ImportDialogProps) {
  const { t } = useTranslation('transfer');
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const outcomeHeadingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const preview = usePreviewImport(kind);
  const apply = useApplyImport(kind);

  const choose = (next: File | null) => {
    setFile(next);
    preview.reset();
    apply.reset();
    setJobId(null);
    setFinished(null);
  };

  // The outcome appears below the fold of the dialog: focus its heading so it scrolls into view
  // and keyboard and screen reader users land on it.
  const focusOutcome = () => requestAnimationFrame(() => document.getElementById(outcomeHeadingId)?.focus());

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file) preview.mutate(file, { onSettled: focusOutcome });
  };

  const start = () => {
    if (!file) return;
    apply.mutate(file, { onSuccess: ({ jobId: id }) => setJobId(id), onError: focusOutcome });
  };

  const onJobFinished = (job: Job) => {
    setFinished(job);
    focusOutcome();
    // An import can touch anything of its kind, its history and the overview: refetch it all.
    if (job.state === 'completed') void queryClient.invalidateQueries();
  };

  const rejection = [preview.error, apply.error].find(
    (error): error is ApiError => error instanceof ApiError && error.status === 422,
  );
  const otherError = [preview.error, apply.error].find((error) => error && !(error instanceof ApiError && error.status === 422));
  const busy = preview.isPending || apply.isPending || (jobId !== null && finished === null);

  return (
    <Dialog open onClose={onClose} aria-labelledby="import-heading" closeButton={t('dialog.close')} className="import-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="import-heading">
          {t(`import.heading.${kind}`)}
        </Heading>
        <Paragraph data-size="sm">{t('import.intro')}</Paragraph>
      </Dialog.Block>

      {!jobId && (
        <Dialog.Block>
          <form onSubmit={check}>
            <Field>
              <Label htmlFor={fileInputId}>{t('import.fileLabel')}</Label>
              <FileUpload>
                <Field.Description>{t('import.fileHint')}</Field.Description>
                <Button asChild variant="secondary" data-size="sm">
                  <span>{file ? t('import.chooseOther') : t('import.choose')}</span>
                </Button>
                <input
                  id={fileInputId}
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  disabled={busy}
                  onChange={(event) => choose(event.target.files?.[0] ?? null)}
                />
              </FileUpload>
            </Field>
            <Paragraph data-size="sm" aria-live="polite">
              {file ? t('import.chosen', { name: file.name }) : ''}
            </Paragraph>
            <div className="transfer-actions">
              <Button type="submit" variant={preview.data ? 'secondary' : 'primary'} disabled={!file || busy} loading={preview.isPending}>
                {t('import.check')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      )}

      {(rejection || otherError || (preview.data && !jobId)) && (
        <Dialog.Block>
          {rejection && <ProblemList error={rejection} headingId={outcomeHeadingId} />}
          {otherError && <ErrorAlert error={otherError} />}
          {preview.data && !rejection && !jobId && (
            <PreviewSummary preview={preview.data} onApply={start} applying={apply.isPending} headingId={outcomeHeadingId} />
          )}
        </Dialog.Block>
      )}

      {jobId && (
        <Dialog.Block>
          <JobProgress jobId={jobId} label={t(`import.progress.${kind}`)} onFinished={onJobFinished} />
          {finished?.state === 'completed' && <ImportResult job={finished} headingId={outcomeHeadingId} />}
          {finished?.state === 'failed' && (
            <Alert data-color="danger">
              <Heading level={3} data-size="xs" id={outcomeHeadingId} tabIndex={-1}>
                {t('import.failedHeading')}
              </Heading>
              <Paragraph>{finished.error ?? t('import.failedUnknown')}</Paragraph>
            </Alert>
          )}
        </Dialog.Block>
      )}

      <Dialog.Block className="transfer-actions">
        <Button variant="secondary" onClick={onClose}>
          {finished ? t('dialog.done') : t('dialog.cancel')}
        </Button>
      </Dialog.Block>
    </Dialog>
  );
}

/** The 422 answer: the file changed nothing, and here is every problem in it. */
function ProblemList({ error, headingId }: { error: ApiError; headingId: string }) {
  const { t } = useTranslation('transfer');
  const problems: FieldProblem[] = error.problems;
  return (
    <>
      <Alert data-color="danger">
        <Heading level={3} data-size="xs" id={headingId} tabIndex={-1}>
          {t('import.rejected')}
        </Heading>
        <Paragraph>{problems.length > 0 ? t('import.rejectedHelp', { count: problems.length }) : (error.detail ?? error.title)}</Paragraph>
      </Alert>
      {problems.length > 0 && (
        <div className="transfer-table-wrap">
          <Table zebra data-size="sm">
            <caption>{t('import.problemsCaption', { count: problems.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('import.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.column')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.problem')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {problems.map((problem, index) => (
                <Table.Row key={`${problem.line ?? ''}-${problem.field ?? ''}-${index}`}>
                  <Table.Cell>{problem.line ?? '–'}</Table.Cell>
                  <Table.Cell>{problem.field ?? '–'}</Table.Cell>
                  <Table.Cell>{problem.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

function PreviewSummary({ preview, onApply, applying, headingId }: { preview: ImportPreview; onApply(): void; applying: boolean; headingId: string }) {
  const { t } = useTranslation('transfer');
  const { create, update, unchanged } = preview.summary;
  const shown = preview.changes.filter((change) => change.action !== 'unchanged').slice(0, changesShown);
  const nothingToDo = create + update === 0;
  return (
    <>
      <Alert data-color={nothingToDo ? 'info' : 'success'}>
        <Heading level={3} data-size="xs" id={headingId} tabIndex={-1}>
          {t('import.checkedHeading', { count: preview.rows })}
        </Heading>
        <Paragraph>{t('import.summary', { create, update, unchanged })}</Paragraph>
      </Alert>
      {shown.length > 0 && (
        <div className="transfer-table-wrap">
          <Table zebra data-size="sm">
            <caption>{t('import.changesCaption', { count: shown.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('import.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.change')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.row')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((change) => (
                <Table.Row key={change.line}>
                  <Table.Cell>{change.line}</Table.Cell>
                  <Table.Cell>{t(`import.action.${change.action}`)}</Table.Cell>
                  <Table.Cell>{change.label}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div className="transfer-actions">
        <Button onClick={onApply} disabled={nothingToDo} loading={applying}>
          {t('import.apply')}
        </Button>
      </div>
    </>
  );
}

/** What a completed import did, from the job's result when it says so. */
function ImportResult({ job, headingId }: { job: Job; headingId: string }) {
  const { t } = useTranslation('transfer');
  const counts = importCounts(job.result);
  return (
    <Alert data-color="success">
      <Heading level={3} data-size="xs" id={headingId} tabIndex={-1}>
        {t('import.doneHeading')}
      </Heading>
      {counts && <Paragraph>{t('import.summary', { ...counts })}</Paragraph>}
    </Alert>
  );
}
