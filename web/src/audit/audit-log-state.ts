import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { usePagedQueryUpdate } from '../app/url-query';
import type { AuditQuery } from './queries';

export const auditPageSize = 50;
export const auditFilterKeys = ['entityType', 'action', 'actor', 'search', 'from', 'to'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Parses the log's filters from the address bar. Pure. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const date = (key: string) => {
    const value = params.get(key);
    return value && isoDate.test(value) ? value : undefined;
  };
  return {
    entityType: params.get('entityType') || undefined,
    action: params.get('action') || undefined,
    actor: params.get('actor') || undefined,
    search: params.get('search') || undefined,
    from: date('from'),
    to: date('to'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: auditPageSize,
  };
}

export function useAuditLogState() {
  const [params] = useSearchParams();
  const query = useMemo(() => parseAuditQuery(params), [params]);
  const update = usePagedQueryUpdate();
  const clear = useCallback(() => update(Object.fromEntries(auditFilterKeys.map((key) => [key, undefined]))), [update]);
  return { query, update, clear };
}
