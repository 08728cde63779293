import { createHash } from 'node:crypto';
import type { Resource } from './paths.ts';

/**
 * A weak ETag over the resource as the client would see it (meta left out): any change that shows
 * in the resource, wherever it is stored (person, employment, group), changes the tag.
 */
export function etagOf(resource: Resource): string {
  const { meta: _meta, ...rest } = resource;
  void _meta;
  return `W/"${createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-Match / If-None-Match header names this tag (`*` names any). */
export function etagListIncludes(header: string, etag: string): boolean {
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}
