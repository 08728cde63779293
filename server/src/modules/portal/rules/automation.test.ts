import { describe, expect, it } from 'vitest';
import { hoursPerYear, rankByHours } from './automation.ts';

describe('automation potential', () => {
  it('counts occurrences × minutes × degree as hours a year', () => {
    expect(hoursPerYear({ occurrencesPerYear: 1200, minutesEach: 15, automationDegree: 80 })).toBe(240);
    expect(hoursPerYear({ occurrencesPerYear: 100, minutesEach: '7.5', automationDegree: 0 })).toBe(0);
  });

  it('ranks by hours, not by occurrences', () => {
    const ranked = rankByHours([
      { name: 'Mange små', occurrencesPerYear: 5000, minutesEach: 1, automationDegree: 50 },
      { name: 'Få store', occurrencesPerYear: 200, minutesEach: 120, automationDegree: 60 },
    ]);
    expect(ranked.map((row) => [row.name, row.hoursPerYear])).toEqual([
      ['Få store', 240],
      ['Mange små', 41.7],
    ]);
  });
});
