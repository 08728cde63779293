import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export interface DocumentVersion {
  version: number;
  name: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface DocumentDetail {
  id: string;
  path: string;
  name: string;
  description: string;
  currentVersion: number;
  versions: DocumentVersion[];
  processes: { id: string; name: string }[];
}

export interface StoredDocument {
  documentId: string;
  version: number;
  outcome: 'imported' | 'new_version' | 'unchanged';
}

export interface DocumentSummary {
  id: string;
  path: string;
  name: string;
  currentVersion: number;
}

export const documentFileUrl = (id: string, version?: number) => `/api/documents/${id}/file${version ? `?version=${version}` : ''}`;

export function useDocument(id: string) {
  return useQuery({ queryKey: ['documents', id], queryFn: () => api.get<DocumentDetail>(`/api/documents/${id}`), enabled: Boolean(id) });
}

export function useDocumentSearch(q: string) {
  return useQuery({
    queryKey: ['documents', 'search', q],
    queryFn: () => api.get<{ items: DocumentSummary[]; total: number }>('/api/documents', { q, limit: 20 }),
    enabled: q.trim().length >= 2,
  });
}

/**
 * Uploads a file as a document at this path: a new document, or the next version of the document
 * already there (the server compares paths). With a process id, the document is linked to it.
 */
export function useUploadDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; path?: string; processId?: string }) => {
      const form = new FormData();
      if (input.path) form.append('path', input.path);
      if (input.processId) form.append('processId', input.processId);
      form.append('file', input.file);
      return api.post<StoredDocument>('/api/documents', form);
    },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['documents'] }), client.invalidateQueries({ queryKey: ['processes'] }), client.invalidateQueries({ queryKey: ['portal'] })]),
  });
}

/** Uploads the next version of a document; the file must be of the document's type. */
export function useUploadVersion(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<StoredDocument>(`/api/documents/${documentId}/versions`, form);
    },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['documents'] }), client.invalidateQueries({ queryKey: ['portal'] })]),
  });
}
