import { describe, expect, it } from 'vitest';
import type { FileProblem } from '../../transfer/columns.ts';
import { diffHr, leaverWarning, type CurrentPerson, type HrState } from './hr-diff.ts';
import type { HrRow } from './hr-format.ts';

const today = '2026-11-23';
const headerOf = (key: string) => key;

function person(number: string, unit: string, extra: Partial<CurrentPerson> = {}): CurrentPerson {
  return {
    personId: `p-${number}`,
    employeeNumber: number,
    givenName: `G${number}`,
    familyName: `F${number}`,
    kind: 'employee',
    employment: { id: `e-${number}`, unitCode: unit, position: 'Rådgiver', managerEmployeeNumber: null, startDate: '2020-01-01', endDate: null },
    ...extra,
  };
}

function row(line: number, number: string, unit: string, extra: Partial<HrRow> = {}): HrRow {
  return { line, employeeNumber: number, givenName: `G${number}`, familyName: `F${number}`, unitCode: unit, position: 'Rådgiver', manager: null, startDate: '2020-01-01', endDate: null, ...extra };
}

const state: HrState = { persons: [person('1', 'A'), person('2', 'A'), person('3', 'B')], unitCodes: new Set(['A', 'B']) };

describe('diffHr', () => {
  it('finds joiners, movers, name changes and leavers', () => {
    const problems: FileProblem[] = [];
    const rows = [row(2, '1', 'A'), row(3, '2', 'B'), row(4, '4', 'A', { manager: '1' }), row(5, '1x', 'A', { endDate: '2026-12-31' })];
    rows[0]!.familyName = 'Nyttnavn';
    const diff = diffHr(rows, state, today, headerOf, (p) => problems.push(p));
    expect(problems).toEqual([]);
    expect(diff.joiners.map((j) => j.employeeNumber)).toEqual(['4', '1x']);
    expect(diff.movers).toMatchObject([{ employeeNumber: '2', from: { unitCode: 'A' }, to: { unitCode: 'B' }, employmentStartDate: today }]);
    expect(diff.nameChanges).toMatchObject([{ employeeNumber: '1', to: { familyName: 'Nyttnavn' } }]);
    expect(diff.leavers).toMatchObject([{ employeeNumber: '3', reason: 'absent', endDate: '2026-11-22' }]);
    expect(diff.unchanged).toBe(0);
  });

  it('treats an end date in the file as a leaver with that date', () => {
    const diff = diffHr([row(2, '1', 'A', { endDate: '2026-11-01' }), row(3, '2', 'A'), row(4, '3', 'B')], state, today, headerOf, () => undefined);
    expect(diff.leavers).toMatchObject([{ employeeNumber: '1', reason: 'end_date', endDate: '2026-11-01' }]);
    expect(diff.unchanged).toBe(2);
  });

  it('reports duplicates, unknown units and unknown managers with line and column', () => {
    const problems: FileProblem[] = [];
    diffHr([row(2, '1', 'A'), row(3, '1', 'Z', { manager: '99' })], state, today, headerOf, (p) => problems.push(p));
    expect(problems).toEqual([
      { line: 3, field: 'employeeNumber', message: 'Ansattnummeret «1» står også på linje 2' },
      { line: 3, field: 'unitCode', message: 'Enheten «Z» finnes ikke. Opprett den i organisasjonen først.' },
      { line: 3, field: 'manager', message: 'Fant ingen person med ansattnummer «99»' },
    ]);
  });

  it('leaves guests and consultants alone when they are not in the file', () => {
    const withGuest: HrState = { ...state, persons: [...state.persons, person('G1', 'A', { kind: 'guest' })] };
    const diff = diffHr([row(2, '1', 'A'), row(3, '2', 'A'), row(4, '3', 'B')], withGuest, today, headerOf, () => undefined);
    expect(diff.leavers).toEqual([]);
  });

  it('warns when more than a tenth of the employees would leave', () => {
    const half = diffHr([row(2, '1', 'A')], state, today, headerOf, () => undefined);
    expect(leaverWarning(half)).toMatch(/2 av 3 ansatte/);
    const none = diffHr([row(2, '1', 'A'), row(3, '2', 'A'), row(4, '3', 'B')], state, today, headerOf, () => undefined);
    expect(leaverWarning(none)).toBeNull();
  });
});
