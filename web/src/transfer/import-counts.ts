/**
 * What a finished import job says it did. The job's `result` is free-form JSON; the counts may sit
 * at the top level or under `summary`, named as in the preview (create) or in the past (created).
 */
export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
}

export function importCounts(result: Record<string, unknown> | null | undefined): ImportCounts | null {
  if (!result) return null;
  const summary = typeof result.summary === 'object' && result.summary !== null ? (result.summary as Record<string, unknown>) : {};
  const count = (...keys: string[]): number | null => {
    for (const source of [result, summary]) {
      for (const key of keys) {
        const value = source[key];
        if (typeof value === 'number' && Number.isFinite(value)) return value;
      }
    }
    return null;
  };
  const create = count('create', 'created');
  const update = count('update', 'updated');
  if (create === null || update === null) return null;
  return { create, update, unchanged: count('unchanged') ?? 0 };
}
