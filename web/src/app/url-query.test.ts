import { describe, expect, it } from 'vitest';
import { withQueryChanges } from './url-query';

describe('query string changes', () => {
  it('sets values and removes the keys whose value is empty', () => {
    const next = withQueryChanges(new URLSearchParams('search=visma&page=3&sort=name'), { search: '', page: 1, order: 'desc', sort: undefined });
    expect(next.toString()).toBe('page=1&order=desc');
  });

  it('leaves the original untouched', () => {
    const current = new URLSearchParams('a=1');
    withQueryChanges(current, { a: null });
    expect(current.toString()).toBe('a=1');
  });
});
