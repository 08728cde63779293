/**
 * The platform's notion of "now". Everything that acts on a date (future changes, guests' end
 * dates, HR leavers) asks this clock, so that tests, the story test and demos can move time
 * without touching the system clock.
 *
 * - `setClock(fixed)` pins it (a Date or an ISO date/time string); `resetClock()` returns to real time.
 * - The environment variable `GRUNNMUR_TODAY` (yyyy-mm-dd) pins the date for demos.
 */

const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

let fixed: Date | null = null;

function fromEnvironment(): Date | null {
  const today = process.env.GRUNNMUR_TODAY;
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return null;
  // Noon in Oslo keeps the date the same whatever the offset.
  return new Date(`${today}T12:00:00+01:00`);
}

/** The calendar date of an instant in Europe/Oslo, as yyyy-mm-dd. */
export function osloDay(instant: Date): string {
  return osloDate.format(instant);
}

export const clock = {
  now(): Date {
    return new Date((fixed ?? fromEnvironment() ?? new Date()).getTime());
  },
  /** Today in Europe/Oslo, as yyyy-mm-dd. */
  today(): string {
    return osloDay(clock.now());
  },
};

/** Pins the clock. A bare date (yyyy-mm-dd) means noon that day in Oslo. */
export function setClock(at: Date | string): void {
  fixed = typeof at === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00+01:00` : at) : new Date(at.getTime());
}

/** Returns the clock to real time (or `GRUNNMUR_TODAY`). */
export function resetClock(): void {
  fixed = null;
}

/** yyyy-mm-dd plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
