/**
 * The shape every import file shares: a header row naming columns, then one row per record.
 * Column definitions, header matching, per-row validation with zod and the problem list. Pure.
 */
import type { z } from 'zod';

export interface ColumnSpec<Key extends string = string> {
  key: Key;
  /** The Norwegian header: what export writes and what users see in messages. */
  header: string;
  /** Other headers accepted on import (English, older spellings). */
  aliases: readonly string[];
  /** The column must be in the file (its cells may still be empty where the schema allows). */
  required?: boolean;
}

/** One problem in a file, as the user gets it: line (header = 1), column header, Norwegian text. */
export interface FileProblem {
  line: number;
  field: string;
  message: string;
}

/** Collects problems up to a cap, counting the rest, so a broken 50,000-line file stays readable. */
export class ProblemList {
  readonly items: FileProblem[] = [];
  total = 0;
  constructor(readonly cap = 1000) {}

  add(problem: FileProblem): void {
    this.total += 1;
    if (this.items.length < this.cap) this.items.push(problem);
  }

  get empty(): boolean {
    return this.total === 0;
  }
}

const foldHeader = (text: string) =>
  text.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, ' ');

export interface ResolvedColumns<Key extends string> {
  present: ReadonlySet<Key>;
  /** The header as the file spells it, or the Norwegian one for a column the file lacks. */
  headerOf(key: Key): string;
  toRecord(cells: readonly string[]): Partial<Record<Key, string>>;
  /** Non-empty cells right of the last header: usually a `;` inside a cell without quotes. */
  strayCells(cells: readonly string[]): { column: number; text: string }[];
}

/** Matches a header row to the column definitions: case, spacing and `_` do not matter. */
export function resolveColumns<Key extends string>(
  specs: readonly ColumnSpec<Key>[],
  headerCells: readonly string[],
  problems: ProblemList,
): ResolvedColumns<Key> {
  const byName = new Map<string, ColumnSpec<Key>>();
  for (const spec of specs) for (const name of [spec.header, ...spec.aliases]) byName.set(foldHeader(name), spec);
  const positions: [Key, number][] = [];
  const written = new Map<Key, string>();
  headerCells.forEach((cell, index) => {
    const name = cell.replace(/^\uFEFF/, '').trim();
    if (!name) return;
    const spec = byName.get(foldHeader(name));
    if (!spec) {
      problems.add({ line: 1, field: name, message: `Ukjent kolonne «${name}». Gyldige kolonner: ${specs.map((s) => s.header).join(', ')}` });
    } else if (written.has(spec.key)) {
      problems.add({ line: 1, field: name, message: `Kolonnen «${spec.header}» står flere ganger` });
    } else {
      positions.push([spec.key, index]);
      written.set(spec.key, name);
    }
  });
  for (const spec of specs) {
    if (spec.required && !written.has(spec.key)) {
      problems.add({ line: 1, field: spec.header, message: `Kolonnen «${spec.header}» mangler` });
    }
  }
  const canonical = new Map(specs.map((spec) => [spec.key, spec.header]));
  return {
    present: new Set(written.keys()),
    headerOf: (key) => written.get(key) ?? canonical.get(key) ?? key,
    toRecord(cells) {
      const record: Partial<Record<Key, string>> = {};
      for (const [key, index] of positions) record[key] = cells[index] ?? '';
      return record;
    },
    strayCells(cells) {
      return cells.slice(headerCells.length).flatMap((text, offset) => (text.trim() ? [{ column: headerCells.length + offset + 1, text }] : []));
    },
  };
}

/** A check across the cells of one row (dates in order, …), run after every cell was read. */
export type RowCheck<Key extends string, Row> = (row: Row) => { field: Key; message: string }[];

/**
 * Reads a row cell by cell through its zod object schema, so that every bad cell is reported,
 * not just the first; a bad cell reads as empty for the row checks and the plan that follow, so
 * that references and duplicates are checked on the same pass.
 */
export function validateRow<Key extends string, Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  record: Partial<Record<Key, string>>,
  line: number,
  columns: ResolvedColumns<Key>,
  problems: ProblemList,
  check?: RowCheck<Key, z.infer<z.ZodObject<Shape>>>,
): { row: z.infer<z.ZodObject<Shape>> & { line: number }; bad: boolean } {
  // Most rows are good: one parse of the whole row is the fast path; a bad row is read again cell
  // by cell below so that every bad cell is reported.
  const whole = schema.safeParse(record);
  if (whole.success) {
    const issues = check?.(whole.data) ?? [];
    for (const issue of issues) problems.add({ line, field: columns.headerOf(issue.field), message: issue.message });
    return { row: { ...whole.data, line }, bad: issues.length > 0 };
  }
  const row: Record<string, unknown> = {};
  const badCells = new Set<Key>();
  for (const [key, field] of Object.entries(schema.shape) as [Key, z.ZodType][]) {
    const result = field.safeParse(record[key]);
    if (result.success) {
      row[key] = result.data;
      continue;
    }
    badCells.add(key);
    row[key] = null;
    for (const issue of result.error.issues) problems.add({ line, field: columns.headerOf(key), message: issue.message });
  }
  const typed = row as z.infer<z.ZodObject<Shape>>;
  let bad = badCells.size > 0;
  for (const issue of check?.(typed) ?? []) {
    // A cell already reported as unreadable is not reported again as empty.
    if (badCells.has(issue.field)) continue;
    bad = true;
    problems.add({ line, field: columns.headerOf(issue.field), message: issue.message });
  }
  return { row: { ...typed, line }, bad };
}
