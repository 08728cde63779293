import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path';
import { primaryRole } from './roles';

describe('signing in', () => {
  it('returns only to paths inside the app after signing in', () => {
    expect(safeNext('/systems?page=2')).toBe('/systems?page=2');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
  });

  it('lists a person with several roles under the most powerful one', () => {
    expect(primaryRole(['employee', 'system_owner'])).toBe('system_owner');
    expect(primaryRole(['security_officer', 'admin'])).toBe('admin');
    expect(primaryRole([])).toBe('employee');
  });
});
