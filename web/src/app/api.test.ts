import { describe, expect, it } from 'vitest';
import { ApiError, withQuery } from './api';

describe('the API client', () => {
  it('leaves out empty query values and encodes the rest', () => {
    expect(withQuery('/api/systems', { search: 'sak & arkiv', page: 2, supplier: '', owner: undefined, pageSize: null })).toBe(
      '/api/systems?search=sak+%26+arkiv&page=2',
    );
    expect(withQuery('/api/systems', {})).toBe('/api/systems');
  });

  it('carries the problem details, field problems included', () => {
    const error = new ApiError({
      title: 'Noe i forespørselen er ikke gyldig',
      status: 400,
      code: 'validation_failed',
      detail: 'Sjekk feltene som er markert.',
      problems: [{ field: 'name', message: 'Navn må fylles ut' }],
    });
    expect(error.message).toBe('Sjekk feltene som er markert.');
    expect(error.problems).toEqual([{ field: 'name', message: 'Navn må fylles ut' }]);
    expect(error.status).toBe(400);
  });
});
