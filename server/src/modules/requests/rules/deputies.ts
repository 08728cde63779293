/**
 * Deputies [stedfortredere]: while a deputy period lasts, the deputy may decide what waits for the
 * manager; the manager may still decide it too. Pure.
 */

export interface DeputyPeriod {
  managerPersonId: string;
  deputyPersonId: string;
  validFrom: string;
  validTo: string;
}

export function isActive(period: DeputyPeriod, today: string): boolean {
  return period.validFrom <= today && today <= period.validTo;
}

/** The managers `personId` stands in for today. */
export function managersDeputisedBy(personId: string, periods: readonly DeputyPeriod[], today: string): string[] {
  return [...new Set(periods.filter((p) => p.deputyPersonId === personId && isActive(p, today)).map((p) => p.managerPersonId))];
}

/** The deputies acting for `managerPersonId` today. */
export function activeDeputiesOf(managerPersonId: string, periods: readonly DeputyPeriod[], today: string): string[] {
  return [...new Set(periods.filter((p) => p.managerPersonId === managerPersonId && isActive(p, today)).map((p) => p.deputyPersonId))];
}

export type DeputyProblem = 'self' | 'period_reversed' | 'period_too_long';

/** Longest deputy period one arrangement may cover; a longer absence is a reorganisation, not a deputy. */
export const maxDeputyDays = 366;

export function checkDeputyPeriod(period: DeputyPeriod): DeputyProblem | null {
  if (period.managerPersonId === period.deputyPersonId) return 'self';
  if (period.validTo < period.validFrom) return 'period_reversed';
  const days = (Date.parse(`${period.validTo}T00:00:00Z`) - Date.parse(`${period.validFrom}T00:00:00Z`)) / 86_400_000;
  if (days > maxDeputyDays) return 'period_too_long';
  return null;
}
