import { describe, expect, it } from 'vitest';
import { importCounts } from './import-counts';

describe('importCounts', () => {
  it('reads counts named as in the preview', () => {
    expect(importCounts({ create: 2, update: 1, unchanged: 7 })).toEqual({ create: 2, update: 1, unchanged: 7 });
  });

  it('reads counts in the past tense under summary', () => {
    expect(importCounts({ summary: { created: 3, updated: 0 } })).toEqual({ create: 3, update: 0, unchanged: 0 });
  });

  it('says nothing rather than inventing numbers when the result has none', () => {
    expect(importCounts(null)).toBeNull();
    expect(importCounts({ rows: 10 })).toBeNull();
    expect(importCounts({ create: '2', update: 1 })).toBeNull();
  });
});
