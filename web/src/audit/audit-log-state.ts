import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
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
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseAuditQuery(params), [params]);
  const update = useCallback(
    (changes: Record<string, string | number | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: !('page' in changes) },
      ),
    [setParams],
  );
  const clear = useCallback(() => update(Object.fromEntries(auditFilterKeys.map((key) => [key, undefined]))), [update]);
  return { query, update, clear };
}
