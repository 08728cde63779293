import type { AuditEvent } from './model';

/**
 * Turns an audit event into the sentences a person reads in a history: what was created or
 * deleted, and for a change, each field from what to what. Pure: the component translates and
 * formats the parts.
 */
export type HistoryLine =
  | { kind: 'created' | 'deleted'; entityType: string; label: string | null; row: Record<string, unknown> }
  | { kind: 'changed'; entityType: string; field: string; before: unknown; after: unknown }
  | { kind: 'other'; action: string; entityType: string; label: string | null };

/** Columns a person never edits and so never wants to read about. */
const bookkeeping = new Set(['id', 'tenant_id', 'created_at', 'updated_at', 'version', 'last_used_at']);

export function describeEvent(event: AuditEvent): HistoryLine[] {
  const { action, entityType, entityLabel: label } = event;
  if (action === 'insert') return [{ kind: 'created', entityType, label, row: event.after ?? {} }];
  if (action === 'delete') return [{ kind: 'deleted', entityType, label, row: event.before ?? {} }];
  if (action === 'update') {
    const fields = event.changedFields.filter((field) => !bookkeeping.has(field));
    if (fields.length === 0) return [{ kind: 'other', action, entityType, label }];
    return fields.map((field) => ({
      kind: 'changed',
      entityType,
      field,
      before: event.before?.[field] ?? null,
      after: event.after?.[field] ?? null,
    }));
  }
  return [{ kind: 'other', action, entityType, label }];
}

/** Whether an event is about a row that belongs to the object (a licence pool of a system), not the object itself. */
export function isChildEvent(event: AuditEvent, subjectType: string, subjectId: string): boolean {
  return !(event.entityType === subjectType && event.entityId === subjectId);
}

/** Which kind of object a reference column points at, so its id can be shown as a name. */
export function referenceKind(field: string): 'persons' | 'org_units' | 'systems' | 'positions' | 'users' | undefined {
  if (field.endsWith('person_id')) return 'persons';
  if (field === 'owning_unit_id' || field === 'org_unit_id' || field === 'parent_id') return 'org_units';
  if (field === 'system_id') return 'systems';
  if (field === 'position_id') return 'positions';
  if (field === 'user_id') return 'users';
  return undefined;
}

/** Where an object's own page is in the web app, when it has one. */
export function entityPath(entityType: string, entityId: string | null): string | undefined {
  if (!entityId) return undefined;
  switch (entityType) {
    case 'systems':
      return `/systems/${entityId}`;
    case 'org_units':
      return `/org/units/${entityId}`;
    case 'persons':
      return `/people/${entityId}`;
    default:
      return undefined;
  }
}

/** The page of the object a child row belongs to (a licence pool's system, an employment's person). */
export function parentPath(event: AuditEvent): string | undefined {
  const row = event.after ?? event.before ?? {};
  if (event.entityType === 'licence_pools' && typeof row.system_id === 'string') return `/systems/${row.system_id}`;
  if (event.entityType === 'employments' && typeof row.person_id === 'string') return `/people/${row.person_id}`;
  return undefined;
}
