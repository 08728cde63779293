import { describe, expect, it } from 'vitest';
import { SystemListCache } from './list-cache.ts';

describe('SystemListCache', () => {
  it('serves a page only while both versions are unchanged', () => {
    const cache = new SystemListCache();
    cache.set('t', 1, 7, 'page=1', '{"items":[]}');
    expect(cache.get('t', 1, 7, 'page=1')?.toString()).toBe('{"items":[]}');
    expect(cache.get('t', 2, 7, 'page=1')).toBeUndefined();
    expect(cache.get('t', 1, 8, 'page=1')).toBeUndefined();
    expect(cache.get('t', 1, 7, 'page=2')).toBeUndefined();
  });

  it('drops every page of a municipality when a newer version is stored', () => {
    const cache = new SystemListCache();
    cache.set('t', 1, 1, 'a', '"a"');
    cache.set('t', 2, 1, 'b', '"b"');
    expect(cache.get('t', 2, 1, 'a')).toBeUndefined();
    expect(cache.get('t', 2, 1, 'b')?.toString()).toBe('"b"');
  });

  it('keeps municipalities apart', () => {
    const cache = new SystemListCache();
    cache.set('a', 1, 1, 'page=1', '"A"');
    expect(cache.get('b', 1, 1, 'page=1')).toBeUndefined();
  });

  it('keeps at most the given number of pages, dropping the oldest', () => {
    const cache = new SystemListCache(10, 2);
    cache.set('t', 1, 1, 'p1', '1');
    cache.set('t', 1, 1, 'p2', '2');
    cache.set('t', 1, 1, 'p3', '3');
    expect([cache.get('t', 1, 1, 'p1'), cache.get('t', 1, 1, 'p2')?.toString(), cache.get('t', 1, 1, 'p3')?.toString()]).toEqual([undefined, '2', '3']);
  });
});
