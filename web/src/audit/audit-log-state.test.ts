import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from './audit-log-state';

describe('the audit log’s address bar state', () => {
  it('reads the filters and ignores dates that are not dates', () => {
    expect(parseAuditQuery(new URLSearchParams('entityType=systems&action=update&actor=Kari&from=2026-01-01&to=yesterday&page=2'))).toEqual({
      entityType: 'systems',
      action: 'update',
      actor: 'Kari',
      search: undefined,
      from: '2026-01-01',
      to: undefined,
      page: 2,
      pageSize: 50,
    });
  });
});
