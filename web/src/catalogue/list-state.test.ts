import { describe, expect, it } from 'vitest';
import { parseSystemListQuery, systemPageSize } from './list-state';

describe('the catalogue list’s address bar state', () => {
  it('reads search, filters, sorting and page', () => {
    const query = parseSystemListQuery(
      new URLSearchParams('search=sak&lifecyclePhase=operation&criticality=high&supplier=Acos&sort=annualCost&order=desc&page=3'),
    );
    expect(query).toEqual({
      search: 'sak',
      lifecyclePhase: 'operation',
      criticality: 'high',
      ownerPersonId: undefined,
      owningUnitId: undefined,
      supplier: 'Acos',
      sort: 'annualCost',
      order: 'desc',
      page: 3,
      pageSize: systemPageSize,
    });
  });

  it('falls back to defaults for values it does not know', () => {
    const query = parseSystemListQuery(new URLSearchParams('lifecyclePhase=sleeping&sort=colour&order=up&page=-4'));
    expect(query).toMatchObject({ lifecyclePhase: undefined, sort: 'name', order: 'asc', page: 1 });
  });
});
