/**
 * SQL of import and export of services, information objects, integrations and technology: what is
 * stored (with the names other columns may use), and writing a plan in batches. The writes are
 * plain INSERT/UPDATE/DELETE statements, so the audit trigger records every row with the actor.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/database/connection.ts';
import { systems } from '../catalogue/tables.ts';
import {
  informationObjects,
  integrationInformation,
  integrations,
  serviceProcesses,
  services,
  serviceSystems,
  systemInformation,
  systemTechnology,
  technologyComponents,
} from '../map/tables.ts';
import { orgUnits, persons } from '../org/tables.ts';
import type { ModelFormat, ModelKind, ReferenceTarget } from './model-format.ts';
import { nameIndex, type ModelPlan, type ModelState, type NameIndex, type StoredModelObject } from './model-plan.ts';
import { batches, excludedColumns, type Progress } from './queries.ts';

interface LinkTable {
  table: PgTable;
  /** The column that points at the object of the kind, and the one that points at the other end. */
  owner: PgColumn;
  other: PgColumn;
}

type ObjectTable = typeof services | typeof informationObjects | typeof integrations | typeof technologyComponents;

const tables: Record<ModelKind, { table: ObjectTable; links: Record<string, LinkTable> }> = {
  services: {
    table: services,
    links: {
      systemIds: { table: serviceSystems, owner: serviceSystems.serviceId, other: serviceSystems.systemId },
      processIds: { table: serviceProcesses, owner: serviceProcesses.serviceId, other: serviceProcesses.processId },
    },
  },
  'information-objects': {
    table: informationObjects,
    links: { systemIds: { table: systemInformation, owner: systemInformation.informationObjectId, other: systemInformation.systemId } },
  },
  integrations: {
    table: integrations,
    links: { informationObjectIds: { table: integrationInformation, owner: integrationInformation.integrationId, other: integrationInformation.informationObjectId } },
  },
  technology: {
    table: technologyComponents,
    links: { systemIds: { table: systemTechnology, owner: systemTechnology.technologyComponentId, other: systemTechnology.systemId } },
  },
};

async function rowsOf<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Processes by name and by their path from the top («Oppvekst / Skoleskyss»): sibling names are
 * unique, so the path always finds one. Read with plain SQL, as the map does: the map's links to
 * processes have no foreign key, and this module does not depend on the processes module.
 */
async function processIndex(tx: Executor): Promise<NameIndex> {
  const [present] = await rowsOf<{ ok: boolean }>(tx, sql`select to_regclass('public.processes') is not null as ok`);
  if (!present?.ok) return nameIndex([]);
  const rows = await rowsOf<{ id: string; name: string; parent_id: string | null }>(tx, sql`select id, name, parent_id from processes`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pathOf = (row: (typeof rows)[number]) => {
    const names = [row.name];
    for (let at = row.parent_id ? byId.get(row.parent_id) : undefined; at && names.length <= rows.length; at = at.parent_id ? byId.get(at.parent_id) : undefined) {
      names.unshift(at.name);
    }
    return names.join(' / ');
  };
  return nameIndex(rows.map((row) => ({ id: row.id, name: row.name, path: pathOf(row) })));
}

async function referenceIndex(tx: Executor, target: ReferenceTarget): Promise<NameIndex> {
  if (target === 'processes') return processIndex(tx);
  const table = target === 'systems' ? systems : informationObjects;
  return nameIndex(await tx.select({ id: table.id, name: table.name }).from(table));
}

/** The objects of one kind with their links, and everything the kind's columns may name. */
export async function loadModelState(tx: Executor, format: ModelFormat): Promise<ModelState> {
  const { table, links } = tables[format.kind];
  // One after another: a transaction is one connection.
  const rows = (await tx.select().from(table)) as unknown as (Record<string, unknown> & { id: string; name: string })[];
  const objects: StoredModelObject[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    values: Object.fromEntries(format.fields.map((field) => [field.key, (row[field.key] as string | null | undefined) ?? null])),
    links: Object.fromEntries(format.links.map((link) => [link.key, [] as string[]])),
  }));
  const byId = new Map(objects.map((object) => [object.id, object]));

  const targets = new Set<ReferenceTarget>([
    ...format.links.map((link) => link.target),
    ...format.fields.flatMap((field) => (field.type === 'reference' ? [field.target] : [])),
  ]);
  const references: ModelState['references'] = {};
  for (const target of targets) references[target] = await referenceIndex(tx, target);

  for (const link of format.links) {
    const { table: pairs, owner, other } = links[link.key]!;
    const index = references[link.target]!;
    const stored = await tx.select({ owner, other }).from(pairs);
    for (const pair of stored as { owner: string; other: string }[]) {
      // A link to a process that is gone is ignored, as the map ignores it: it is not in the file.
      if (index.has(pair.other)) byId.get(pair.owner)?.links[link.key]!.push(pair.other);
    }
  }

  const wants = (type: 'person' | 'unit') => format.fields.some((field) => field.type === type);
  const people = wants('person') ? await tx.select({ id: persons.id, number: persons.employeeNumber }).from(persons) : [];
  const units = wants('unit') ? await tx.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits) : [];
  return {
    objects,
    personIdByNumber: new Map(people.map((row) => [row.number, row.id])),
    unitIdByCode: new Map(units.map((row) => [row.code, row.id])),
    references,
  };
}

export async function writeModelPlan(tx: Executor, tenantId: string, format: ModelFormat, plan: ModelPlan, progress?: Progress): Promise<void> {
  const { table, links } = tables[format.kind];
  const fieldKeys = format.fields.map((field) => field.key);
  let done = 0;
  for (const batch of batches(plan.writes, 500)) {
    await tx
      .insert(table)
      .values(batch.map((write) => ({ ...write.values, id: write.id, tenantId, name: write.name })) as never)
      .onConflictDoUpdate({
        target: table.id,
        set: {
          ...excludedColumns(table, ['name', ...fieldKeys] as never),
          // Links are part of the form's object too: a change to them is a new version.
          version: sql`${table.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
    done += batch.length;
    await progress?.(done, plan.writes.length);
  }

  // The links: removed pairs first, then new ones. Pairs that stay are not touched (their notes stay).
  for (const [key, { table: pairs, owner, other }] of Object.entries(links)) {
    const changes = plan.writes.flatMap((write) => (write.links[key] ? [{ id: write.id, ...write.links[key] }] : []));
    const removed = changes.flatMap((change) => change.remove.map((otherId) => [change.id, otherId] as const));
    const added = changes.flatMap((change) => change.add.map((otherId) => [change.id, otherId] as const));
    const columns = sql`${sql.identifier(owner.name)}, ${sql.identifier(other.name)}`;
    const arrays = (list: readonly (readonly [string, string])[]) =>
      sql`unnest(${sql.param(list.map((pair) => pair[0]))}::uuid[], ${sql.param(list.map((pair) => pair[1]))}::uuid[])`;
    for (const batch of batches(removed)) {
      await tx.execute(sql`delete from ${pairs} where (${columns}) in (select * from ${arrays(batch)})`);
    }
    for (const batch of batches(added)) {
      await tx.execute(sql`insert into ${pairs} (tenant_id, ${columns}) select ${tenantId}::uuid, * from ${arrays(batch)}`);
    }
  }
}
