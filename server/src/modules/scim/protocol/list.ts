import { invalidValue } from './scim-error.ts';
import { container, definitionOf, isObject, splitAttributePath, valuesAt, type Resource } from './paths.ts';
import { maxResults, type ResourceKind } from './schemas.ts';

export interface ListOptions {
  sortBy?: string;
  sortOrder?: string;
  startIndex?: number;
  count?: number;
}

/** The value a resource is sorted by: for a multi-valued attribute, its primary (or first) value. */
function sortValue(kind: ResourceKind, resource: Resource, sortBy: string): string | number | undefined {
  const path = splitAttributePath(kind, sortBy);
  let values = valuesAt(container(resource, path), path.names);
  if (values.length > 1) values = [values.find((v) => isObject(v) && v.primary === true) ?? values[0]];
  let value = values[0];
  if (isObject(value)) value = value.value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const definition = definitionOf(kind, path);
  const text = String(value);
  return definition?.caseExact ? text : text.toLowerCase();
}

/**
 * Sorts (RFC 7644 §3.4.2.3: ascending by default, unassigned values last) and pages
 * (§3.4.2.4: 1-based startIndex, count capped at maxResults; count 0 gives only the total).
 */
export function sortAndPage(kind: ResourceKind, resources: Resource[], options: ListOptions) {
  let sorted = resources;
  if (options.sortBy) {
    const order = (options.sortOrder ?? 'ascending').toLowerCase();
    if (order !== 'ascending' && order !== 'descending') throw invalidValue('sortOrder must be ascending or descending.');
    const keyed = resources.map((resource) => ({ resource, key: sortValue(kind, resource, options.sortBy!) }));
    keyed.sort((a, b) => {
      if (a.key === b.key) return 0;
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      const result = a.key < b.key ? -1 : 1;
      return order === 'descending' ? -result : result;
    });
    sorted = keyed.map((entry) => entry.resource);
  }
  const startIndex = Math.max(1, Math.trunc(options.startIndex ?? 1));
  const count = Math.min(maxResults, Math.max(0, Math.trunc(options.count ?? maxResults)));
  const page = sorted.slice(startIndex - 1, startIndex - 1 + count);
  return { totalResults: sorted.length, startIndex, itemsPerPage: page.length, page };
}
