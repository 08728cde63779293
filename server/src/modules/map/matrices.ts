import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { edgeTypeNames, kindOf, type ModelGraph, type NodeKind } from './impact/graph.ts';

export const matrixKinds = ['systems-units', 'systems-information', 'processes-systems', 'roles-systems'] as const;
export type MatrixKind = (typeof matrixKinds)[number];

export interface Matrix {
  rows: { id: string; name: string }[];
  columns: { id: string; name: string }[];
  /** [row index, column index, what the cell says] */
  cells: [number, number, string][];
}

/** A matrix read from the graph: rows of one kind, columns of another, a cell where an edge joins them. Pure. */
export function graphMatrix(graph: ModelGraph, rowKind: NodeKind, columnKind: NodeKind, edge: string, reversed = false, q?: string): Matrix {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let n = 0; n < graph.size; n++) {
    const kind = kindOf(graph, n);
    if (kind === rowKind && (!q || graph.names[n]!.toLowerCase().includes(q.toLowerCase()))) rows.push(n);
    if (kind === columnKind) cols.push(n);
  }
  const byName = (a: number, b: number) => graph.names[a]!.localeCompare(graph.names[b]!, 'nb');
  rows.sort(byName);
  cols.sort(byName);
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const cells = new Map<string, [number, number, string]>();
  // Edges run from the dependent; `reversed` reads them from the column's side (information → system).
  const from = reversed ? cols : rows;
  for (const n of from) {
    for (let e = graph.outStart[n]!; e < graph.outStart[n + 1]!; e++) {
      if (edgeTypeNames[graph.outTypes[e]!] !== edge) continue;
      const other = graph.outTargets[e]!;
      const r = reversed ? rowIndex.get(other) : rowIndex.get(n);
      const c = reversed ? colIndex.get(n) : colIndex.get(other);
      if (r === undefined || c === undefined) continue;
      cells.set(`${r}:${c}`, [r, c, 'x']);
    }
  }
  const ref = (n: number) => ({ id: graph.ids[n]!, name: graph.names[n]! });
  return { rows: rows.map(ref), columns: cols.map(ref), cells: [...cells.values()] };
}

type Row = Record<string, unknown>;
async function rows(tx: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = await tx.execute(query);
  return ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
}

/**
 * Systems × units, who uses what: the unit that owns the system ("eier"), and units whose people
 * have access in it by the access model ("tilgang", with how many people), when that is installed.
 */
export async function systemsUnits(tx: Executor, q?: string): Promise<Matrix> {
  const systemRows = await rows(tx, sql`select id, name, owning_unit_id from systems where ${q ? sql`name ilike ${`%${q}%`}` : sql`true`} order by name`);
  const unitRows = await rows(tx, sql`select id, name from org_units order by name`);
  const rowIndex = new Map(systemRows.map((r, i) => [r.id as string, i]));
  const colIndex = new Map(unitRows.map((r, i) => [r.id as string, i]));
  const cells = new Map<string, [number, number, string]>();
  for (const s of systemRows) {
    const c = colIndex.get(s.owning_unit_id as string);
    if (c !== undefined) cells.set(`${rowIndex.get(s.id as string)}:${c}`, [rowIndex.get(s.id as string)!, c, 'eier']);
  }
  const hasAccess = await rows(tx, sql`select to_regclass('public.desired_entitlements') is not null and to_regclass('public.system_roles') is not null as ok`);
  if (hasAccess[0]?.ok) {
    const used = await rows(
      tx,
      sql`select sr.system_id, e.org_unit_id, count(distinct de.person_id)::int as people
          from desired_entitlements de
          join system_roles sr on sr.id = de.system_role_id
          join employments e on e.person_id = de.person_id and e.start_date <= current_date and (e.end_date is null or e.end_date >= current_date)
          where de.state = 'active'
          group by sr.system_id, e.org_unit_id`,
    );
    for (const u of used) {
      const r = rowIndex.get(u.system_id as string);
      const c = colIndex.get(u.org_unit_id as string);
      if (r === undefined || c === undefined) continue;
      const key = `${r}:${c}`;
      const existing = cells.get(key)?.[2];
      cells.set(key, [r, c, `${existing ? `${existing}, ` : ''}tilgang (${u.people})`]);
    }
  }
  const ref = (r: Row) => ({ id: r.id as string, name: r.name as string });
  return { rows: systemRows.map(ref), columns: unitRows.map(ref), cells: [...cells.values()] };
}

export function matrixFromGraph(graph: ModelGraph, kind: Exclude<MatrixKind, 'systems-units'>, q?: string): Matrix {
  if (kind === 'systems-information') return graphMatrix(graph, 'system', 'information', 'held_in', true, q);
  if (kind === 'processes-systems') return graphMatrix(graph, 'process', 'system', 'uses', false, q);
  return graphMatrix(graph, 'role', 'system', 'uses', false, q);
}

/** The matrix as a table: first column the row names, then one column per column object. Pure. */
export function matrixTable(matrix: Matrix, corner: string): string[][] {
  const grid = matrix.rows.map((r) => [r.name, ...matrix.columns.map(() => '')]);
  for (const [r, c, text] of matrix.cells) grid[r]![c + 1] = text;
  return [[corner, ...matrix.columns.map((c) => c.name)], ...grid];
}
