/**
 * Checks an org file against the organisation and works out what to create and update: units
 * (merged from every row that names them), persons and each person's primary employment. Pure.
 */
import type { FileProblem } from './columns.ts';
import type { OrgColumn, OrgRow } from './org-format.ts';
import { fromFile, sameFields, type PlanOptions, type RowAction, type RowChange } from './plan.ts';

export interface StoredUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  managerPersonId: string | null;
}

export interface StoredEmployment {
  id: string;
  orgUnitId: string;
  positionId: string | null;
  managerPersonId: string | null;
  startDate: string;
  endDate: string | null;
}

export type PersonKind = 'employee' | 'guest' | 'consultant';

export interface StoredPerson {
  id: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string | null;
  kind: PersonKind;
  /** The primary employment: the current one, else the latest (see `primaryEmployments`). */
  employment: StoredEmployment | null;
}

export interface OrgState {
  units: StoredUnit[];
  personsByNumber: ReadonlyMap<string, StoredPerson>;
  positionIdByTitle: ReadonlyMap<string, string>;
}

export type UnitWrite = StoredUnit & { isNew: boolean };
export type PersonWrite = Omit<StoredPerson, 'employment'> & { isNew: boolean };
export type EmploymentWrite = StoredEmployment & { personId: string; isNew: boolean };

export interface OrgPlan {
  changes: RowChange[];
  positions: { id: string; title: string }[];
  persons: PersonWrite[];
  /** Parents before children, so each batch can refer to units already written. */
  units: UnitWrite[];
  employments: EmploymentWrite[];
}

interface FileUnit {
  code: string;
  line: number;
  name?: string | null;
  parentCode?: string | null;
  managerNumber?: string | null;
  /** Where each value came from, to point at the right line in a message. */
  lines: Partial<Record<'name' | 'parentCode' | 'managerNumber', number>>;
}

const unitFields = [
  ['unitName', 'name'],
  ['parentCode', 'parentCode'],
  ['unitManager', 'managerNumber'],
] as const;

export function planOrg(
  rows: readonly OrgRow[],
  state: OrgState,
  headerOf: (key: OrgColumn) => string,
  report: (problem: FileProblem) => void,
  { newId = () => crypto.randomUUID(), checkOnly = false }: PlanOptions = {},
): OrgPlan {
  const plan: OrgPlan = { changes: [], positions: [], persons: [], units: [], employments: [] };
  const badLines = new Set<number>();
  const problem = (line: number, field: OrgColumn, message: string) => {
    badLines.add(line);
    report({ line, field: headerOf(field), message });
  };

  // 1. Units: every row names one; rows of the same unit must agree where they say something.
  const fileUnits = new Map<string, FileUnit>();
  const personLines = new Map<string, number>();
  for (const row of rows) {
    const unit = fileUnits.get(row.unitCode!) ?? { code: row.unitCode!, line: row.line, lines: {} };
    fileUnits.set(unit.code, unit);
    for (const [column, field] of unitFields) {
      const value = row[column];
      if (value === undefined) continue;
      if (unit[field] === undefined) unit[field] = null;
      if (value === null) continue;
      if (unit[field] !== null && unit[field] !== value) {
        problem(row.line, column, `Enhet ${unit.code} har «${unit[field]}» her på linje ${unit.lines[field]}, ikke «${value}»`);
      } else if (unit[field] === null) {
        unit[field] = value;
        unit.lines[field] = row.line;
      }
    }
    if (row.employeeNumber) {
      const earlier = personLines.get(row.employeeNumber);
      if (earlier) problem(row.line, 'employeeNumber', `Ansattnummer ${row.employeeNumber} står også på linje ${earlier}`);
      else personLines.set(row.employeeNumber, row.line);
    }
  }

  const storedByCode = new Map(state.units.map((unit) => [unit.code, unit]));
  const storedById = new Map(state.units.map((unit) => [unit.id, unit]));
  const knownPerson = (number: string) => state.personsByNumber.has(number) || personLines.has(number);

  // The tree as it would be after the import, by code, to find unknown parents and cycles.
  const parentOf = new Map<string, string | null>();
  for (const unit of state.units) parentOf.set(unit.code, unit.parentId ? (storedById.get(unit.parentId)?.code ?? null) : null);
  for (const unit of fileUnits.values()) {
    const stored = storedByCode.get(unit.code);
    if (unit.name === undefined || unit.name === null) {
      if (!stored) problem(unit.line, 'unitName', `Enhet ${unit.code} er ny og må ha et navn`);
    }
    if (unit.parentCode !== undefined) {
      if (unit.parentCode !== null && !storedByCode.has(unit.parentCode) && !fileUnits.has(unit.parentCode)) {
        problem(unit.lines.parentCode!, 'parentCode', `Ukjent enhetskode «${unit.parentCode}»: finnes verken i Grunnmur eller i filen`);
      }
      parentOf.set(unit.code, unit.parentCode);
    } else if (!stored) {
      parentOf.set(unit.code, null);
    }
    if (unit.managerNumber && !knownPerson(unit.managerNumber)) {
      problem(unit.lines.managerNumber!, 'unitManager', `Fant ingen person med ansattnummer «${unit.managerNumber}» i Grunnmur eller i filen`);
    }
  }
  const depth = new Map<string, number>();
  for (const unit of fileUnits.values()) {
    const path = [unit.code];
    let current = parentOf.get(unit.code) ?? null;
    while (current !== null && path.length <= parentOf.size) {
      if (current === unit.code) {
        problem(unit.lines.parentCode ?? unit.line, 'parentCode', `Enhet ${unit.code} ville ligget under seg selv: ${[...path, current].join(' → ')}`);
        break;
      }
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    depth.set(unit.code, path.length);
  }

  // 2. Persons and their primary employment.
  for (const row of rows) {
    if (!row.employeeNumber) continue;
    if (row.manager && !knownPerson(row.manager)) {
      problem(row.line, 'manager', `Fant ingen person med ansattnummer «${row.manager}» i Grunnmur eller i filen`);
    }
  }
  if (checkOnly || badLines.size > 0) return plan;

  const unitIdByCode = new Map<string, string>(state.units.map((unit) => [unit.code, unit.id]));
  for (const code of fileUnits.keys()) if (!unitIdByCode.has(code)) unitIdByCode.set(code, newId());
  const personIdByNumber = new Map<string, string>();
  for (const [number, person] of state.personsByNumber) personIdByNumber.set(number, person.id);
  for (const number of personLines.keys()) if (!personIdByNumber.has(number)) personIdByNumber.set(number, newId());
  const positionIdByTitle = new Map(state.positionIdByTitle);
  const positionId = (title: string) => {
    let id = positionIdByTitle.get(title);
    if (!id) {
      id = newId();
      positionIdByTitle.set(title, id);
      plan.positions.push({ id, title });
    }
    return id;
  };

  const unitAction = new Map<string, RowAction>();
  const orderedUnits = [...fileUnits.values()].sort((a, b) => depth.get(a.code)! - depth.get(b.code)!);
  for (const unit of orderedUnits) {
    const stored = storedByCode.get(unit.code);
    const parentCode = unit.parentCode === undefined ? undefined : unit.parentCode;
    const wanted: StoredUnit = {
      id: unitIdByCode.get(unit.code)!,
      code: unit.code,
      name: unit.name ?? stored!.name,
      parentId: parentCode === undefined ? (stored?.parentId ?? null) : parentCode === null ? null : unitIdByCode.get(parentCode)!,
      managerPersonId: fromFile(
        unit.managerNumber === undefined ? undefined : unit.managerNumber === null ? null : personIdByNumber.get(unit.managerNumber)!,
        stored?.managerPersonId ?? null,
      ),
    };
    const action: RowAction = !stored ? 'create' : sameFields(stored, wanted, ['name', 'parentId', 'managerPersonId']) ? 'unchanged' : 'update';
    unitAction.set(unit.code, action);
    if (action !== 'unchanged') plan.units.push({ ...wanted, isNew: !stored });
  }

  for (const row of rows) {
    const unit = fileUnits.get(row.unitCode!)!;
    const ownUnitAction = unit.line === row.line ? unitAction.get(unit.code)! : 'unchanged';
    if (!row.employeeNumber) {
      plan.changes.push({ line: row.line, action: ownUnitAction, label: `${unit.code} ${unit.name ?? storedByCode.get(unit.code)?.name ?? ''}`.trim() });
      continue;
    }
    const stored = state.personsByNumber.get(row.employeeNumber);
    const person: PersonWrite = {
      id: personIdByNumber.get(row.employeeNumber)!,
      employeeNumber: row.employeeNumber,
      givenName: row.givenName!,
      familyName: row.familyName!,
      email: fromFile(row.email, stored?.email ?? null),
      kind: row.kind ?? stored?.kind ?? 'employee',
      isNew: !stored,
    };
    const personChanged = !stored || !sameFields(stored, person, ['givenName', 'familyName', 'email', 'kind']);
    if (personChanged) plan.persons.push(person);

    const current = stored?.employment ?? null;
    const employment: EmploymentWrite = {
      id: current?.id ?? newId(),
      personId: person.id,
      orgUnitId: unitIdByCode.get(unit.code)!,
      positionId:
        row.position === undefined ? (current?.positionId ?? null) : row.position === null ? null : positionId(row.position),
      managerPersonId:
        row.manager === undefined ? (current?.managerPersonId ?? null) : row.manager === null ? null : personIdByNumber.get(row.manager)!,
      startDate: row.startDate!,
      endDate: fromFile(row.endDate, current?.endDate ?? null),
      isNew: !current,
    };
    const employmentChanged =
      !current || !sameFields(current, employment, ['orgUnitId', 'positionId', 'managerPersonId', 'startDate', 'endDate']);
    if (employmentChanged) plan.employments.push(employment);

    const action: RowAction = !stored ? 'create' : personChanged || employmentChanged || ownUnitAction !== 'unchanged' ? 'update' : 'unchanged';
    plan.changes.push({ line: row.line, action, label: `${person.givenName} ${person.familyName} (${person.employeeNumber})` });
  }
  return plan;
}
