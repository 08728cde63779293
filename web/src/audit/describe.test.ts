import { describe, expect, it } from 'vitest';
import { describeEvent, entityPath, isChildEvent, parentPath, referenceKind } from './describe';
import type { AuditEvent } from './model';

const event = (overrides: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  occurredAt: '2026-11-22T10:00:00.000Z',
  actorId: 'u1',
  actorName: 'Kari Nordmann',
  action: 'update',
  entityType: 'systems',
  entityId: 's1',
  entityLabel: 'Acos WebSak',
  changedFields: [],
  before: null,
  after: null,
  ...overrides,
});

describe('describeEvent', () => {
  it('tells each changed field from its old to its new value', () => {
    const lines = describeEvent(
      event({
        changedFields: ['criticality', 'name'],
        before: { name: 'Acos', criticality: 'low' },
        after: { name: 'Acos WebSak', criticality: 'high' },
      }),
    );
    expect(lines).toEqual([
      { kind: 'changed', entityType: 'systems', field: 'criticality', before: 'low', after: 'high' },
      { kind: 'changed', entityType: 'systems', field: 'name', before: 'Acos', after: 'Acos WebSak' },
    ]);
  });

  it('leaves out bookkeeping columns a person never edits', () => {
    const lines = describeEvent(event({ changedFields: ['updated_at', 'version', 'supplier'], before: { supplier: null }, after: { supplier: 'Acos AS' } }));
    expect(lines.map((line) => line.kind === 'changed' && line.field)).toEqual(['supplier']);
  });

  it('says created and deleted with the object label', () => {
    expect(describeEvent(event({ action: 'insert', after: { name: 'Acos WebSak' } }))).toEqual([
      { kind: 'created', entityType: 'systems', label: 'Acos WebSak', row: { name: 'Acos WebSak' } },
    ]);
    expect(describeEvent(event({ action: 'delete', entityType: 'licence_pools', entityLabel: 'Bruker', before: { count: 3 } }))).toEqual([
      { kind: 'deleted', entityType: 'licence_pools', label: 'Bruker', row: { count: 3 } },
    ]);
  });

  it('keeps named actions such as a sign-in as they are', () => {
    expect(describeEvent(event({ action: 'sign_in', entityType: 'users' }))[0]).toMatchObject({ kind: 'other', action: 'sign_in' });
  });
});

describe('links and references', () => {
  it('knows a licence pool belongs to its system and an employment to its person', () => {
    expect(parentPath(event({ entityType: 'licence_pools', after: { system_id: 's9' } }))).toBe('/systems/s9');
    expect(parentPath(event({ entityType: 'employments', action: 'delete', before: { person_id: 'p2' } }))).toBe('/people/p2');
    expect(isChildEvent(event({ entityType: 'licence_pools', entityId: 'l1' }), 'systems', 's1')).toBe(true);
    expect(isChildEvent(event({}), 'systems', 's1')).toBe(false);
  });

  it('links objects that have a page and maps reference columns to what they point at', () => {
    expect(entityPath('org_units', 'u1')).toBe('/org/units/u1');
    expect(entityPath('sessions', 'x')).toBeUndefined();
    expect(referenceKind('owner_person_id')).toBe('persons');
    expect(referenceKind('owning_unit_id')).toBe('org_units');
    expect(referenceKind('name')).toBeUndefined();
  });
});
