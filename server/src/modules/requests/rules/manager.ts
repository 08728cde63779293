/**
 * Who a person's manager is [leder], as the org module defines it: the employment's manager, else
 * the unit's leader — and when that is the person themselves (a leader), the leader of the unit
 * above. Pure: the caller loads the person's employments with their units' leaders, nearest first.
 */

export interface EmploymentForManager {
  managerPersonId: string | null;
  isPrimary: boolean;
  startDate: string;
  endDate: string | null;
  /** Leaders of the employment's unit and each unit above it, nearest first (null where a unit has none). */
  unitLeaders: (string | null)[];
}

/** Employments that hold on `today`, the primary one first, then the longest-standing. */
function currentEmployments(employments: readonly EmploymentForManager[], today: string): EmploymentForManager[] {
  return employments
    .filter((e) => e.startDate <= today && (e.endDate === null || e.endDate >= today))
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.startDate.localeCompare(b.startDate));
}

export function managerOf(personId: string, employments: readonly EmploymentForManager[], today: string): string | null {
  for (const employment of currentEmployments(employments, today)) {
    if (employment.managerPersonId && employment.managerPersonId !== personId) return employment.managerPersonId;
    const leader = employment.unitLeaders.find((candidate) => candidate !== null && candidate !== personId);
    if (leader) return leader;
  }
  return null;
}
