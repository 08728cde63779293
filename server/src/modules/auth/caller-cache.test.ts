import { describe, expect, it } from 'vitest';
import { CallerCache } from './caller-cache.ts';

describe('CallerCache', () => {
  it('returns a caller within its time to live and not after', () => {
    const cache = new CallerCache<string>(5_000);
    cache.set('h', 'Kari', undefined, 1_000);
    expect(cache.get('h', 5_999)).toBe('Kari');
    expect(cache.get('h', 6_000)).toBeUndefined();
  });

  it('never keeps a session past its own expiry', () => {
    const cache = new CallerCache<string>(5_000);
    cache.set('h', 'Kari', new Date(2_000), 1_000);
    expect(cache.get('h', 1_999)).toBe('Kari');
    expect(cache.get('h', 2_000)).toBeUndefined();
  });

  it('forgets a signed-out caller at once', () => {
    const cache = new CallerCache<string>(5_000);
    cache.set('h', 'Kari', undefined, 1_000);
    cache.forget('h');
    expect(cache.get('h', 1_001)).toBeUndefined();
  });

  it('keeps nothing when its time to live is zero', () => {
    const cache = new CallerCache<string>(0);
    cache.set('h', 'Kari', undefined, 1_000);
    expect(cache.get('h', 1_000)).toBeUndefined();
  });

  it('drops the oldest caller when full', () => {
    const cache = new CallerCache<string>(5_000, 2);
    cache.set('a', 'A', undefined, 1_000);
    cache.set('b', 'B', undefined, 1_000);
    cache.set('c', 'C', undefined, 1_000);
    expect([cache.get('a', 1_001), cache.get('b', 1_001), cache.get('c', 1_001)]).toEqual([undefined, 'B', 'C']);
  });
});
