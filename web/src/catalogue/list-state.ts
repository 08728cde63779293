import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { usePagedQueryUpdate } from '../app/url-query';
import { criticalities, lifecyclePhases, systemSortKeys, type SystemListQuery, type SystemSortKey } from './model';

export const systemPageSize = 50;

export const filterKeys = ['lifecyclePhase', 'criticality', 'ownerPersonId', 'owningUnitId', 'supplier'] as const;
export type FilterKey = (typeof filterKeys)[number];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Parses the list's address bar state; anything unknown falls back to the default. Pure. */
export function parseSystemListQuery(params: URLSearchParams): SystemListQuery {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    search: params.get('search') || undefined,
    lifecyclePhase: oneOf(lifecyclePhases, params.get('lifecyclePhase')),
    criticality: oneOf(criticalities, params.get('criticality')),
    ownerPersonId: params.get('ownerPersonId') || undefined,
    owningUnitId: params.get('owningUnitId') || undefined,
    supplier: params.get('supplier') || undefined,
    sort: oneOf(systemSortKeys, params.get('sort')) ?? 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: systemPageSize,
  };
}

/** The list's search, filters, sorting and page live in the address bar, so a view can be shared and reloaded. */
export function useSystemListState() {
  const [params] = useSearchParams();
  const query = useMemo(() => parseSystemListQuery(params), [params]);

  const update = usePagedQueryUpdate();

  const sortBy = useCallback(
    (key: SystemSortKey) => update({ sort: key, order: query.sort === key && query.order === 'asc' ? 'desc' : 'asc' }),
    [query.sort, query.order, update],
  );

  const clearFilters = useCallback(
    () => update(Object.fromEntries([...filterKeys, 'search'].map((key) => [key, undefined]))),
    [update],
  );

  return { query, update, sortBy, clearFilters };
}
