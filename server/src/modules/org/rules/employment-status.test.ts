import { describe, expect, it } from 'vitest';
import { calendarDate, employmentStatus } from './employment-status.ts';

describe('employment status', () => {
  const today = '2026-11-22';

  it('is current from the first day through the last day', () => {
    expect(employmentStatus({ startDate: today, endDate: null }, today)).toBe('current');
    expect(employmentStatus({ startDate: '2020-01-01', endDate: today }, today)).toBe('current');
    expect(employmentStatus({ startDate: '2020-01-01', endDate: null }, today)).toBe('current');
  });

  it('is future when it starts tomorrow or later', () => {
    expect(employmentStatus({ startDate: '2026-11-23', endDate: null }, today)).toBe('future');
  });

  it('is past when it ended yesterday or earlier', () => {
    expect(employmentStatus({ startDate: '2020-01-01', endDate: '2026-11-21' }, today)).toBe('past');
  });

  it('takes the date in Norway, which is already tomorrow late in the UTC evening', () => {
    expect(calendarDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(calendarDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(calendarDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
