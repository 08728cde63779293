import type { GeneratedMunicipality, PersonKind } from './generate-municipality.ts';

/** One line of an org import file: a person's employment together with the unit it belongs to. */
export interface OrgFileRow {
  unitCode: string;
  unitName: string;
  parentUnitCode: string | null;
  /** Employee number of the unit's leader. */
  unitManagerEmployeeNumber: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  position: string;
  managerEmployeeNumber: string | null;
  startDate: string;
  endDate: string | null;
  kind: PersonKind;
}

/**
 * The generated organisation in the row shape of the org import file, one row per employment,
 * parents' units before their children's (so that a streaming importer meets a parent first).
 */
export function orgRows(municipality: GeneratedMunicipality): OrgFileRow[] {
  const units = new Map(municipality.units.map((unit) => [unit.id, unit]));
  const persons = new Map(municipality.persons.map((person) => [person.id, person]));
  const positions = new Map(municipality.positions.map((position) => [position.id, position.title]));
  const unitOrder = new Map(municipality.units.map((unit, index) => [unit.id, index]));
  const employments = [...municipality.employments].sort((a, b) => unitOrder.get(a.orgUnitId)! - unitOrder.get(b.orgUnitId)!);
  return employments.map((employment) => {
    const unit = units.get(employment.orgUnitId)!;
    const person = persons.get(employment.personId)!;
    return {
      unitCode: unit.code,
      unitName: unit.name,
      parentUnitCode: unit.parentId ? units.get(unit.parentId)!.code : null,
      unitManagerEmployeeNumber: persons.get(unit.managerPersonId)!.employeeNumber,
      employeeNumber: person.employeeNumber,
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
      position: positions.get(employment.positionId)!,
      managerEmployeeNumber: employment.managerPersonId ? persons.get(employment.managerPersonId)!.employeeNumber : null,
      startDate: employment.startDate,
      endDate: employment.endDate,
      kind: person.kind,
    };
  });
}
