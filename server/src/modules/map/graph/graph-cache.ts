import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/database/connection.ts';
import { loadGraph, type LoadedGraph } from './load-graph.ts';

/**
 * The model graph per municipality, kept by each server instance and used only while the model
 * version (bumped by statement triggers on every table the graph is read from) is unchanged, so
 * instances never serve each other's stale copies. Head counts change with the date as well, so the
 * day is part of the key.
 */
interface Entry {
  version: number;
  day: string;
  loaded: LoadedGraph;
}

const entries = new Map<string, Entry>();
const maxTenants = 20;

export async function modelVersion(tx: Executor): Promise<number> {
  const result = await tx.execute(sql`select coalesce((select version from map_model_versions where tenant_id = grunnmur_current_tenant()), 0) as v`);
  const rows = ((result as { rows?: { v: number }[] }).rows ?? (result as unknown as { v: number }[])) as { v: number }[];
  return Number(rows[0]?.v ?? 0);
}

export async function cachedGraph(tx: Executor, tenantId: string): Promise<LoadedGraph> {
  const version = await modelVersion(tx);
  const day = new Date().toISOString().slice(0, 10);
  const entry = entries.get(tenantId);
  if (entry && entry.version === version && entry.day === day) return entry.loaded;
  const loaded = await loadGraph(tx);
  entries.delete(tenantId);
  entries.set(tenantId, { version, day, loaded });
  if (entries.size > maxTenants) entries.delete(entries.keys().next().value!);
  return loaded;
}

/** For tests and the import: forget a municipality's graph. */
export function forgetGraph(tenantId: string): void {
  entries.delete(tenantId);
}
