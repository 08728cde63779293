import { describe, expect, it } from 'vitest';
import { planLicenceChanges } from './licence-changes.ts';

const stored = [
  { id: 'a', licenceType: 'Bruker', count: 100, unitPrice: 450 },
  { id: 'b', licenceType: 'Admin', count: 5, unitPrice: 0 },
];

describe('planning licence pool changes', () => {
  it('changes nothing when the edited list equals the stored one', () => {
    expect(planLicenceChanges(stored, stored)).toEqual({ toInsert: [], toUpdate: [], toDelete: [] });
  });

  it('updates a pool whose count changed instead of replacing it', () => {
    const plan = planLicenceChanges(stored, [{ licenceType: 'bruker', count: 120, unitPrice: 450 }, stored[1]!]);
    expect(plan).toEqual({ toInsert: [], toUpdate: [{ id: 'a', licenceType: 'bruker', count: 120, unitPrice: 450 }], toDelete: [] });
  });

  it('inserts new types and deletes the ones left out', () => {
    const plan = planLicenceChanges(stored, [{ licenceType: 'Lese', count: 10, unitPrice: 50 }]);
    expect(plan.toInsert).toEqual([{ licenceType: 'Lese', count: 10, unitPrice: 50 }]);
    expect(plan.toDelete.sort()).toEqual(['a', 'b']);
  });
});
