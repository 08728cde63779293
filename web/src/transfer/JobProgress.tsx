/**
 * A background job's progress: a progress bar that updates every half second, and a live region
 * that announces only the changes of state (started, finished, failed), not every tick.
 */
import { Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { isFinished, useJob, type Job } from './queries';

interface JobProgressProps {
  jobId: string;
  /** What the job does, e.g. "Importerer organisasjonen"; names the progress bar. */
  label: string;
  /** Called once when the job has completed or failed. */
  onFinished?(job: Job): void;
}

export function JobProgress({ jobId, label, onFinished }: JobProgressProps) {
  const { t } = useTranslation('transfer');
  const labelId = useId();
  const job = useJob(jobId);
  const reported = useRef<string | null>(null);
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  });

  useEffect(() => {
    if (job.data && isFinished(job.data) && reported.current !== job.data.id) {
      reported.current = job.data.id;
      onFinishedRef.current?.(job.data);
    }
  }, [job.data]);

  if (job.error) return <ErrorAlert error={job.error} />;
  const data = job.data;
  const done = data?.progressDone ?? 0;
  const total = data?.progressTotal ?? null;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : null;
  const state = data?.state ?? 'queued';

  return (
    <div className="job-progress">
      <p id={labelId} className="job-progress__label">
        {label}
      </p>
      <progress
        className="job-progress__bar"
        aria-labelledby={labelId}
        max={total ?? undefined}
        value={state === 'completed' && !total ? 1 : total ? Math.min(done, total) : undefined}
        aria-valuetext={total ? t('job.valueText', { done, total, percent }) : undefined}
      />
      <Paragraph data-size="sm" className="job-progress__numbers">
        {total ? t('job.valueText', { done, total, percent }) : t('job.rowsDone', { count: done })}
      </Paragraph>
      <p role="status" className="job-progress__state">
        {t(`job.state.${state}`)}
      </p>
    </div>
  );
}
