import { describe, expect, it } from 'vitest';
import type { FileProblem } from './columns.ts';
import type { OrgRow } from './org-format.ts';
import { planOrg, type OrgState, type StoredPerson } from './org-plan.ts';

const headerOf = (key: string) => key;
let counter = 0;
const newId = () => `new-${(counter += 1)}`;

const row = (line: number, values: Partial<OrgRow>): OrgRow => ({
  line,
  unitCode: '1000',
  unitName: `Enhet ${values.unitCode ?? '1000'}`,
  parentCode: null,
  unitManager: null,
  employeeNumber: null,
  givenName: null,
  familyName: null,
  email: null,
  position: null,
  manager: null,
  startDate: null,
  endDate: null,
  kind: null,
  ...values,
});

const person = (line: number, unitCode: string, employeeNumber: string, extra: Partial<OrgRow> = {}) =>
  row(line, { unitCode, unitName: `Enhet ${unitCode}`, employeeNumber, givenName: 'Kari', familyName: `Nr ${employeeNumber}`, startDate: '2020-01-01', ...extra });

const emptyState: OrgState = { units: [], personsByNumber: new Map(), positionIdByTitle: new Map() };

function plan(rows: OrgRow[], state = emptyState) {
  const problems: FileProblem[] = [];
  const result = planOrg(rows, state, headerOf as never, (problem) => problems.push(problem), { newId });
  return { result, problems };
}

describe('planning an org import', () => {
  it('creates units parents first, persons and their primary employment, and positions once', () => {
    const { result, problems } = plan([
      person(2, '1100', '2', { parentCode: '1000', position: 'Lærer', manager: '1' }),
      row(3, {}),
      person(4, '1000', '1', { position: 'Lærer' }),
    ]);
    expect(problems).toEqual([]);
    expect(result.units.map((unit) => unit.code)).toEqual(['1000', '1100']);
    expect(result.positions.map((position) => position.title)).toEqual(['Lærer']);
    expect(result.persons).toHaveLength(2);
    const [employment] = result.employments;
    expect(employment!.managerPersonId).toBe(result.persons.find((p) => p.employeeNumber === '1')!.id);
    expect(result.changes.map((change) => change.action)).toEqual(['create', 'create', 'create']);
  });

  it('reports a unit that would lie under itself on each unit of the cycle', () => {
    const { problems } = plan([row(2, { unitCode: 'A', parentCode: 'B' }), row(3, { unitCode: 'B', parentCode: 'C' }), row(4, { unitCode: 'C', parentCode: 'A' })]);
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['2:parentCode', '3:parentCode', '4:parentCode']);
    expect(problems[0]!.message).toBe('Enhet A ville ligget under seg selv: A → B → C → A');
  });

  it('finds a cycle that goes through units already stored', () => {
    const state: OrgState = {
      ...emptyState,
      units: [
        { id: 'u-a', code: 'A', name: 'A', parentId: null, managerPersonId: null },
        { id: 'u-b', code: 'B', name: 'B', parentId: 'u-a', managerPersonId: null },
      ],
    };
    const { problems } = plan([row(2, { unitCode: 'A', unitName: 'A', parentCode: 'B' })], state);
    expect(problems.map((p) => p.message)).toEqual(['Enhet A ville ligget under seg selv: A → B → A']);
  });

  it('refuses rows of one unit that disagree about its name or parent', () => {
    const { problems } = plan([row(2, { unitCode: 'A', unitName: 'Skole' }), row(3, { unitCode: 'A', unitName: 'Barnehage' })]);
    expect(problems).toEqual([{ line: 3, field: 'unitName', message: 'Enhet A har «Skole» her på linje 2, ikke «Barnehage»' }]);
  });

  it('keeps what is stored for a column the file does not have, and finds the row unchanged', () => {
    const stored: StoredPerson = {
      id: 'p1', employeeNumber: '1', givenName: 'Kari', familyName: 'Nr 1', email: 'kari@k.no', kind: 'consultant',
      employment: { id: 'e1', orgUnitId: 'u1', positionId: 'pos1', managerPersonId: null, startDate: '2020-01-01', endDate: null },
    };
    const state: OrgState = {
      units: [{ id: 'u1', code: '1000', name: 'Enhet 1000', parentId: null, managerPersonId: null }],
      personsByNumber: new Map([['1', stored]]),
      positionIdByTitle: new Map([['Lærer', 'pos1']]),
    };
    const partial = person(2, '1000', '1');
    for (const key of ['email', 'position', 'kind', 'endDate', 'manager', 'parentCode', 'unitManager'] as const) delete partial[key];
    const { result, problems } = plan([partial], state);
    expect(problems).toEqual([]);
    expect(result.changes).toEqual([{ line: 2, action: 'unchanged', label: 'Kari Nr 1 (1)' }]);
    expect(result.persons).toEqual([]);
    expect(result.employments).toEqual([]);
  });

  it('updates the primary employment in place when a person moves unit', () => {
    const state: OrgState = {
      units: [
        { id: 'u1', code: '1000', name: 'Enhet 1000', parentId: null, managerPersonId: null },
        { id: 'u2', code: '2000', name: 'Enhet 2000', parentId: null, managerPersonId: null },
      ],
      personsByNumber: new Map([['1', {
        id: 'p1', employeeNumber: '1', givenName: 'Kari', familyName: 'Nr 1', email: null, kind: 'employee',
        employment: { id: 'e1', orgUnitId: 'u1', positionId: null, managerPersonId: null, startDate: '2020-01-01', endDate: null },
      }]]),
      positionIdByTitle: new Map(),
    };
    const { result } = plan([person(2, '2000', '1')], state);
    expect(result.changes[0]!.action).toBe('update');
    expect(result.employments).toEqual([expect.objectContaining({ id: 'e1', orgUnitId: 'u2', isNew: false })]);
  });

  it('reports unknown managers and parents, and duplicate employee numbers', () => {
    const { problems } = plan([
      person(2, '1000', '1', { manager: '99' }),
      person(3, '1100', '1', { parentCode: '9000' }),
      row(4, { unitCode: '1000', unitManager: '77' }),
    ]);
    expect(problems.map((p) => `${p.line}:${p.field}`).sort()).toEqual(['2:manager', '3:employeeNumber', '3:parentCode', '4:unitManager']);
  });
});
