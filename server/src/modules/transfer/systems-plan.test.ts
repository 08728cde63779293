import { describe, expect, it } from 'vitest';
import type { FileProblem } from './columns.ts';
import type { SystemRow } from './systems-format.ts';
import { planSystems, type StoredSystem, type SystemsState } from './systems-plan.ts';

const stored: StoredSystem = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Public 360',
  description: 'Sak og arkiv',
  lifecyclePhase: 'operation',
  criticality: 'high',
  ownerPersonId: 'person-1',
  administratorPersonId: null,
  owningUnitId: 'unit-1',
  supplier: 'Tieto',
  hosting: 'saas',
  annualCost: 1000,
  dpaStatus: 'signed',
  licences: [{ licenceType: 'Bruker', count: 10, unitPrice: 100 }],
};

const state: SystemsState = {
  systems: [stored],
  personIdByNumber: new Map([['1001', 'person-1']]),
  unitIdByCode: new Map([['1100', 'unit-1']]),
};

function plan(rows: Partial<SystemRow>[]) {
  const problems: FileProblem[] = [];
  const result = planSystems(rows.map((row, index) => ({ line: index + 2, name: 'X', ...row }) as SystemRow), state, (key) => key, (p) => problems.push(p), { newId: () => 'new-id' });
  return { result, problems };
}

describe('planning a systems import', () => {
  it('finds a row with only some columns unchanged, keeping what the file does not say', () => {
    const { result, problems } = plan([{ name: 'Public 360', criticality: 'high' }]);
    expect(problems).toEqual([]);
    expect(result.changes).toEqual([{ line: 2, action: 'unchanged', label: 'Public 360' }]);
    expect(result.writes).toEqual([]);
  });

  it('updates a system when its licences change, and clears a value for an empty cell', () => {
    const { result } = plan([{ name: 'Public 360', supplier: null, licences: [{ licenceType: 'Bruker', count: 12, unitPrice: 100 }] }]);
    expect(result.changes[0]!.action).toBe('update');
    expect(result.writes[0]).toMatchObject({ id: stored.id, isNew: false, values: { supplier: null, criticality: 'high' }, licences: [{ count: 12 }] });
  });

  it('renames a system found by its id', () => {
    const { result, problems } = plan([{ id: stored.id, name: 'Public 360 Online' }]);
    expect(problems).toEqual([]);
    expect(result.writes[0]).toMatchObject({ id: stored.id, values: { name: 'Public 360 Online' } });
  });

  it('creates a new system with the defaults for choices the file leaves empty', () => {
    const { result } = plan([{ name: 'Nytt system', lifecyclePhase: null }]);
    expect(result.writes[0]).toMatchObject({ id: 'new-id', isNew: true, values: { lifecyclePhase: 'operation', criticality: 'medium', dpaStatus: 'missing' }, licences: [] });
  });

  it('reports duplicate names, unknown ids, people and units', () => {
    const { problems } = plan([
      { name: 'A', owner: '9999', owningUnit: '7777' },
      { name: 'A', id: '22222222-2222-4222-8222-222222222222', administrator: '1001' },
    ]);
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['2:owner', '2:owningUnit', '3:name', '3:id']);
  });
});
