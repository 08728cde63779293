/**
 * Joiners, movers, leavers and name changes: the difference between the full HR file and what is
 * stored. Pure: the state comes in, the diff goes out; the caller writes it.
 */
import type { FileProblem } from '../../transfer/columns.ts';
import type { HrColumn, HrRow } from './hr-format.ts';

export interface CurrentEmployment {
  id: string;
  unitCode: string;
  position: string | null;
  managerEmployeeNumber: string | null;
  startDate: string;
  endDate: string | null;
}

export interface CurrentPerson {
  personId: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  kind: 'employee' | 'guest' | 'consultant';
  /** The employment the HR file speaks of: open today or starting later; null when none is. */
  employment: CurrentEmployment | null;
}

export interface HrState {
  persons: readonly CurrentPerson[];
  unitCodes: ReadonlySet<string>;
}

export interface Placement {
  unitCode: string;
  position: string | null;
  manager: string | null;
}

export interface Joiner extends Placement {
  line: number;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  startDate: string;
  endDate: string | null;
  /** Set when the person is known from before (a rehire): only a new employment is made. */
  personId: string | null;
}

export interface Mover {
  line: number;
  personId: string;
  employmentId: string;
  employeeNumber: string;
  name: string;
  from: Placement;
  to: Placement;
  /** The new employment's start; the old one ends the day before. */
  employmentStartDate: string;
}

export interface NameChange {
  line: number;
  personId: string;
  employeeNumber: string;
  from: { givenName: string; familyName: string };
  to: { givenName: string; familyName: string };
}

export interface Leaver {
  line: number | null;
  personId: string;
  employmentId: string;
  employeeNumber: string;
  name: string;
  endDate: string;
  reason: 'absent' | 'end_date';
}

export interface HrDiff {
  asOf: string;
  rows: number;
  joiners: Joiner[];
  movers: Mover[];
  nameChanges: NameChange[];
  leavers: Leaver[];
  unchanged: number;
  /** Employees active before the file, for the sanity share of leavers. */
  activeBefore: number;
}

export const leaverWarningShare = 0.1;

export type ReportProblem = (problem: FileProblem) => void;

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const samePlacement = (a: Placement, b: Placement) => a.unitCode === b.unitCode && (a.position ?? null) === (b.position ?? null) && (a.manager ?? null) === (b.manager ?? null);

/**
 * Checks the rows against each other and the stored state (duplicates, unknown units, unknown
 * managers) and computes the diff. Problems go to `report`; a caller with problems writes nothing.
 */
export function diffHr(rows: readonly HrRow[], state: HrState, today: string, headerOf: (key: HrColumn) => string, report: ReportProblem): HrDiff {
  const byNumber = new Map(state.persons.map((person) => [person.employeeNumber, person]));
  const seen = new Map<string, number>();
  for (const row of rows) {
    const earlier = seen.get(row.employeeNumber);
    if (earlier !== undefined) {
      report({ line: row.line, field: headerOf('employeeNumber'), message: `Ansattnummeret «${row.employeeNumber}» står også på linje ${earlier}` });
    } else seen.set(row.employeeNumber, row.line);
  }
  const diff: HrDiff = { asOf: today, rows: rows.length, joiners: [], movers: [], nameChanges: [], leavers: [], unchanged: 0, activeBefore: 0 };
  for (const row of rows) {
    if (row.unitCode && !state.unitCodes.has(row.unitCode)) {
      report({ line: row.line, field: headerOf('unitCode'), message: `Enheten «${row.unitCode}» finnes ikke. Opprett den i organisasjonen først.` });
    }
    if (row.manager && !seen.has(row.manager) && !byNumber.has(row.manager)) {
      report({ line: row.line, field: headerOf('manager'), message: `Fant ingen person med ansattnummer «${row.manager}»` });
    }
    const placement: Placement = { unitCode: row.unitCode ?? '', position: row.position ?? null, manager: row.manager ?? null };
    const ended = row.endDate !== null && row.endDate < today;
    const current = byNumber.get(row.employeeNumber);
    const employment = current?.employment ?? null;
    if (!current || !employment) {
      if (ended) {
        diff.unchanged += 1;
        continue;
      }
      diff.joiners.push({
        line: row.line,
        employeeNumber: row.employeeNumber,
        givenName: row.givenName ?? '',
        familyName: row.familyName ?? '',
        ...placement,
        startDate: row.startDate ?? today,
        endDate: row.endDate ?? null,
        personId: current?.personId ?? null,
      });
      continue;
    }
    let changed = false;
    const name = `${row.givenName} ${row.familyName}`;
    if (current.givenName !== row.givenName || current.familyName !== row.familyName) {
      diff.nameChanges.push({
        line: row.line,
        personId: current.personId,
        employeeNumber: row.employeeNumber,
        from: { givenName: current.givenName, familyName: current.familyName },
        to: { givenName: row.givenName ?? '', familyName: row.familyName ?? '' },
      });
      changed = true;
    }
    const stored: Placement = { unitCode: employment.unitCode, position: employment.position, manager: employment.managerEmployeeNumber };
    if (!samePlacement(stored, placement)) {
      diff.movers.push({
        line: row.line,
        personId: current.personId,
        employmentId: employment.id,
        employeeNumber: row.employeeNumber,
        name,
        from: stored,
        to: placement,
        employmentStartDate: employment.startDate > today ? employment.startDate : today,
      });
      changed = true;
    }
    if ((row.endDate ?? null) !== employment.endDate && row.endDate) {
      diff.leavers.push({
        line: row.line,
        personId: current.personId,
        employmentId: employment.id,
        employeeNumber: row.employeeNumber,
        name,
        endDate: row.endDate < employment.startDate ? employment.startDate : row.endDate,
        reason: 'end_date',
      });
      changed = true;
    }
    if (!changed) diff.unchanged += 1;
  }
  for (const person of state.persons) {
    // Guests and consultants are not in HR's file; their sponsor and end date govern them.
    if (person.kind !== 'employee' || !person.employment) continue;
    diff.activeBefore += 1;
    if (seen.has(person.employeeNumber)) continue;
    const yesterday = previousDay(today);
    const { employment } = person;
    diff.leavers.push({
      line: null,
      personId: person.personId,
      employmentId: employment.id,
      employeeNumber: person.employeeNumber,
      name: `${person.givenName} ${person.familyName}`,
      // Absent from today's full file: the last day was yesterday (never before it started).
      endDate: employment.startDate > yesterday ? employment.startDate : yesterday,
      reason: 'absent',
    });
  }
  return diff;
}

export function diffCounts(diff: HrDiff): Record<string, number> {
  return {
    rows: diff.rows,
    joiners: diff.joiners.length,
    movers: diff.movers.length,
    nameChanges: diff.nameChanges.length,
    leavers: diff.leavers.length,
    unchanged: diff.unchanged,
    activeBefore: diff.activeBefore,
  };
}

/** A warning when more leave than a sane HR file would say (a partial file, a wrong export). */
export function leaverWarning(diff: HrDiff): string | null {
  const leaving = diff.leavers.filter((leaver) => leaver.reason === 'absent' || leaver.endDate < diff.asOf).length;
  if (diff.activeBefore === 0 || leaving / diff.activeBefore <= leaverWarningShare) return null;
  const share = Math.round((leaving / diff.activeBefore) * 100);
  return `${leaving} av ${diff.activeBefore} ansatte (${share} %) slutter etter denne filen. Er filen komplett? Sjekk den før du tar den i bruk; tilganger som ville bli fjernet i stort omfang, holdes tilbake til noen godkjenner dem.`;
}
