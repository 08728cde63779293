/** The import/export API as the web app uses it. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../app/api';

export type TransferKind = 'systems' | 'org' | 'services' | 'information-objects' | 'integrations' | 'technology';
export type ExportFormat = 'csv' | 'xlsx';

export interface ImportPreview {
  kind: TransferKind;
  rows: number;
  summary: { create: number; update: number; unchanged: number };
  changes: { line: number; action: 'create' | 'update' | 'unchanged'; label: string }[];
}

export type JobState = 'queued' | 'running' | 'completed' | 'failed';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  progressDone: number;
  progressTotal: number | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

export const exportUrl = (kind: TransferKind, format: ExportFormat) => `/api/export/${kind}?format=${format}`;
export const templateUrl = (kind: TransferKind, format: ExportFormat) => `/api/import/${kind}/template?format=${format}`;

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export function usePreviewImport(kind: TransferKind) {
  return useMutation({
    mutationFn: (file: File) => api.post<ImportPreview>(`/api/import/${kind}/preview`, fileForm(file)),
  });
}

export function useApplyImport(kind: TransferKind) {
  return useMutation({
    mutationFn: (file: File) => api.post<{ jobId: string }>(`/api/import/${kind}/apply`, fileForm(file)),
  });
}

export const isFinished = (job: Job | undefined) => job?.state === 'completed' || job?.state === 'failed';

/** Polls a job every half second until it has completed or failed. */
export function useJob(jobId: string) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api.get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 500),
    staleTime: 0,
  });
}
