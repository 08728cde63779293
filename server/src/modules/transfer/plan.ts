/** What an import would do, row by row: shared by both kinds of file. Pure. */

export type RowAction = 'create' | 'update' | 'unchanged';

export interface RowChange {
  line: number;
  action: RowAction;
  label: string;
}

export interface ImportSummary {
  create: number;
  update: number;
  unchanged: number;
}

export function summarise(changes: readonly RowChange[]): ImportSummary {
  const summary: ImportSummary = { create: 0, update: 0, unchanged: 0 };
  for (const change of changes) summary[change.action] += 1;
  return summary;
}

/** Equal as stored values: numbers and numeric strings, null and undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}

export function sameFields<A extends object, B extends object>(stored: A, wanted: B, keys: readonly (keyof A & keyof B)[]): boolean {
  return keys.every((key) => sameValue(stored[key], wanted[key]));
}

/** A column the file does not have keeps the stored value; an empty cell clears it. */
export const fromFile = <T>(cell: T | null | undefined, stored: T | null): T | null => (cell === undefined ? stored : cell);

export interface PlanOptions {
  newId?: () => string;
  /** Other problems were found already: only look for more, plan no writes. */
  checkOnly?: boolean;
}
