import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TreeCache } from './tree-cache.ts';

describe('org tree cache', () => {
  it('serves a copy only for the same version and day', () => {
    const cache = new TreeCache();
    cache.set('demo', 3, '2026-11-22', '[]');
    expect(cache.get('demo', 3, '2026-11-22')?.body.toString()).toBe('[]');
    expect(gunzipSync(cache.get('demo', 3, '2026-11-22')!.gzipped).toString()).toBe('[]');
    expect(cache.get('demo', 4, '2026-11-22')).toBeUndefined();
    expect(cache.get('demo', 3, '2026-11-23')).toBeUndefined();
    expect(cache.get('nabo', 3, '2026-11-22')).toBeUndefined();
  });

  it('gives each municipality, version and day its own ETag', () => {
    const cache = new TreeCache();
    const tags = new Set([
      cache.set('demo', 1, '2026-11-22', '[]').etag,
      cache.set('demo', 2, '2026-11-22', '[]').etag,
      cache.set('demo', 2, '2026-11-23', '[]').etag,
      cache.set('nabo', 2, '2026-11-23', '[]').etag,
    ]);
    expect(tags.size).toBe(4);
  });

  it('forgets the least recently refreshed municipality when full', () => {
    const cache = new TreeCache(2);
    cache.set('a', 1, 'd', 'A');
    cache.set('b', 1, 'd', 'B');
    cache.set('a', 2, 'd', 'A2');
    cache.set('c', 1, 'd', 'C');
    expect(cache.get('b', 1, 'd')).toBeUndefined();
    expect(cache.get('a', 2, 'd')?.body.toString()).toBe('A2');
    expect(cache.get('c', 1, 'd')?.body.toString()).toBe('C');
  });
});
