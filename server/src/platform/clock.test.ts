import { afterEach, describe, expect, it } from 'vitest';
import { addDays, clock, osloDay, resetClock, setClock } from './clock.ts';

describe('clock', () => {
  afterEach(() => {
    resetClock();
    delete process.env.GRUNNMUR_TODAY;
  });

  it('can be pinned to a day and returned to real time', () => {
    setClock('2027-02-01');
    expect(clock.today()).toBe('2027-02-01');
    resetClock();
    expect(clock.today()).toBe(osloDay(new Date()));
  });

  it('tells the date in Oslo, not in UTC', () => {
    // 23:30 UTC on New Year's Eve is already the next day in Oslo.
    setClock(new Date('2026-12-31T23:30:00Z'));
    expect(clock.today()).toBe('2027-01-01');
    setClock(new Date('2026-07-01T22:30:00Z'));
    expect(clock.today()).toBe('2026-07-02');
  });

  it('takes the day from GRUNNMUR_TODAY for demos unless pinned', () => {
    process.env.GRUNNMUR_TODAY = '2030-05-17';
    expect(clock.today()).toBe('2030-05-17');
    setClock('2031-01-01');
    expect(clock.today()).toBe('2031-01-01');
  });

  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
