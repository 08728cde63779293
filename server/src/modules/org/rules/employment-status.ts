/** Where an employment stands on a given day. Pure: dates are ISO `YYYY-MM-DD` strings. */
export type EmploymentStatus = 'current' | 'future' | 'past';

export interface EmploymentPeriod {
  startDate: string;
  /** The last day of the employment, inclusive; null while it runs on. */
  endDate: string | null;
}

// ISO calendar dates compare correctly as strings, which avoids every time-zone trap of Date.
export function employmentStatus(period: EmploymentPeriod, today: string): EmploymentStatus {
  if (period.startDate > today) return 'future';
  if (period.endDate !== null && period.endDate < today) return 'past';
  return 'current';
}

export const isCurrent = (period: EmploymentPeriod, today: string) => employmentStatus(period, today) === 'current';

/**
 * Today's date where the municipality is. Norwegian and Danish municipalities share a time zone;
 * the server clock is usually UTC, which would be a day behind for the first hour or two.
 */
export function calendarDate(now: Date = new Date(), timeZone = 'Europe/Oslo'): string {
  // The Swedish locale happens to format dates as ISO YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
