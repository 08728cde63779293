import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type QueryChanges = Record<string, string | number | null | undefined>;

/** A copy of the query string with the changes applied; an empty value removes its key. Pure. */
export function withQueryChanges(current: URLSearchParams, changes: QueryChanges): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/**
 * Updates a paged list's state in the address bar, so a view can be shared and reloaded. Any
 * change but turning the page starts again from the first page and replaces the history entry.
 */
export function usePagedQueryUpdate() {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes: QueryChanges) =>
      setParams(
        (current) => {
          const next = withQueryChanges(current, changes);
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: !('page' in changes) },
      ),
    [setParams],
  );
}
