/** Automation potential [automatiseringspotensial] as OS2autoproces counts it. Pure. */

export interface AutomationFigures {
  occurrencesPerYear: number;
  minutesEach: number | string;
  /** Expected automation degree in percent (0–100). */
  automationDegree: number;
}

/** Hours a year the automation is expected to free: occurrences × minutes × degree, rounded to one decimal. */
export function hoursPerYear(figures: AutomationFigures): number {
  const hours = (figures.occurrencesPerYear * Number(figures.minutesEach) * (figures.automationDegree / 100)) / 60;
  return Math.round(hours * 10) / 10;
}

/** Processes ranked by hours freed, largest first; ties by name. */
export function rankByHours<T extends AutomationFigures & { name: string }>(rows: T[]): (T & { hoursPerYear: number })[] {
  return rows
    .map((row) => ({ ...row, hoursPerYear: hoursPerYear(row) }))
    .sort((a, b) => b.hoursPerYear - a.hoursPerYear || a.name.localeCompare(b.name, 'nb'));
}
