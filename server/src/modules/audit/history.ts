/**
 * Which rows belong to an object's history besides its own: a system's licence pools, a person's
 * employments. Pure data, read by the history query.
 */
export const historyChildren: Record<string, { table: string; foreignKey: string }[]> = {
  systems: [{ table: 'licence_pools', foreignKey: 'system_id' }],
  persons: [{ table: 'employments', foreignKey: 'person_id' }],
  org_units: [],
};

/** The fields that changed between two row images, ignoring bookkeeping columns. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const ignored = new Set(['updated_at', 'created_at', 'version', 'tenant_id', 'id']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((key) => !ignored.has(key))
    .filter((key) => JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null))
    .sort();
}
