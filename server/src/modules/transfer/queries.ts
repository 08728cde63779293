/** All SQL of import and export: reading what is stored, writing a plan in batches, export pages. */
import { and, asc, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import { auditEvents } from '../audit/tables.ts';
import { licencePools, systems } from '../catalogue/tables.ts';
import { employments, orgUnits, persons, positions } from '../org/tables.ts';
import type { LicenceCell } from './cells.ts';
import type { OrgPlan, OrgState, StoredEmployment, StoredPerson } from './org-plan.ts';
import type { SystemsPlan, SystemsState, StoredSystem } from './systems-plan.ts';
import { importFiles } from './tables.ts';

/** Rows per statement: each column travels as one array parameter, so a batch costs little to send. */
const batchSize = 2000;

export function* batches<T>(items: readonly T[], size = batchSize): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** `SET column = excluded.column` for an upsert that writes every given column. */
export function excludedColumns<Table extends PgTable>(table: Table, keys: readonly (keyof Table['_']['columns'])[]): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key as string]!.name}"`)]));
}

type SqlType = 'uuid' | 'text' | 'date' | 'boolean';

/**
 * Writes a batch with one array parameter per column (`unnest`), far cheaper to build, send and
 * plan than a VALUES list of thousands of rows: new rows with a plain INSERT … SELECT, stored ones
 * with one UPDATE … FROM. The same statements run on PGlite.
 */
async function bulkWrite<Row extends { id: string; isNew: boolean }>(
  tx: Executor,
  table: string,
  tenantId: string,
  rows: readonly Row[],
  columns: readonly { column: string; type: SqlType; value: (row: Row) => unknown }[],
  updated: readonly string[],
) {
  const quote = (name: string) => `"${name}"`;
  const arrays = (subset: readonly Row[], of: typeof columns) =>
    sql.join(
      [
        sql`${sql.param(subset.map((row) => row.id))}::uuid[]`,
        ...of.map((c) => sql`${sql.param(subset.map(c.value))}::${sql.raw(c.type)}[]`),
      ],
      sql`, `,
    );
  const created = rows.filter((row) => row.isNew);
  if (created.length) {
    const names = ['id', ...columns.map((c) => c.column)].map(quote).join(', ');
    await tx.execute(sql`insert into ${sql.raw(quote(table))} (tenant_id, ${sql.raw(names)})
      select ${tenantId}::uuid, * from unnest(${arrays(created, columns)})`);
  }
  const changed = rows.filter((row) => !row.isNew);
  if (changed.length) {
    const written = columns.filter((c) => updated.includes(c.column));
    const names = ['id', ...written.map((c) => c.column)].map(quote).join(', ');
    const set = [...written.map((c) => `${quote(c.column)} = v.${quote(c.column)}`), 'updated_at = now()'].join(', ');
    await tx.execute(sql`update ${sql.raw(quote(table))} as t set ${sql.raw(set)}
      from unnest(${arrays(changed, written)}) as v(${sql.raw(names)})
      where t.id = v.id`);
  }
}

export type Progress = (done: number, total: number) => Promise<void> | void;

// ---------------------------------------------------------------- what is stored

/** The primary employment of each person: the current one, else the one that started last. */
export function primaryEmployments(tx: Executor, personIds?: string[]) {
  const current = sql`(${employments.startDate} <= current_date and (${employments.endDate} is null or ${employments.endDate} >= current_date))`;
  return tx
    .selectDistinctOn([employments.personId], {
      id: employments.id,
      personId: employments.personId,
      orgUnitId: employments.orgUnitId,
      positionId: employments.positionId,
      managerPersonId: employments.managerPersonId,
      startDate: employments.startDate,
      endDate: employments.endDate,
    })
    .from(employments)
    .where(and(eq(employments.isPrimary, true), personIds ? inArray(employments.personId, personIds) : undefined))
    .orderBy(employments.personId, sql`${current} desc`, sql`${employments.startDate} desc`, employments.id);
}

export async function loadOrgState(tx: Executor): Promise<OrgState> {
  // One after another: a transaction is one connection, and node-postgres queues concurrent queries.
  const units = await tx.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, parentId: orgUnits.parentId, managerPersonId: orgUnits.managerPersonId }).from(orgUnits);
  const people = await tx.select({ id: persons.id, employeeNumber: persons.employeeNumber, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, kind: persons.kind }).from(persons);
  const jobs = await primaryEmployments(tx);
  const titles = await tx.select({ id: positions.id, title: positions.title }).from(positions);
  const employmentOf = new Map<string, StoredEmployment>(jobs.map(({ personId, ...job }) => [personId, job]));
  const personsByNumber = new Map<string, StoredPerson>();
  for (const person of people) personsByNumber.set(person.employeeNumber, { ...person, employment: employmentOf.get(person.id) ?? null });
  return { units, personsByNumber, positionIdByTitle: new Map(titles.map((row) => [row.title, row.id])) };
}

export async function loadSystemsState(tx: Executor): Promise<SystemsState> {
  const rows = await tx.select().from(systems);
  const pools = await tx.select({ systemId: licencePools.systemId, licenceType: licencePools.licenceType, count: licencePools.count, unitPrice: licencePools.unitPrice }).from(licencePools);
  const people = await tx.select({ id: persons.id, employeeNumber: persons.employeeNumber }).from(persons);
  const units = await tx.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
  const licencesOf = new Map<string, LicenceCell[]>();
  for (const { systemId, ...pool } of pools) {
    const list = licencesOf.get(systemId) ?? [];
    list.push({ ...pool, unitPrice: Number(pool.unitPrice) });
    licencesOf.set(systemId, list);
  }
  const stored: StoredSystem[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    lifecyclePhase: row.lifecyclePhase,
    criticality: row.criticality,
    ownerPersonId: row.ownerPersonId,
    administratorPersonId: row.administratorPersonId,
    owningUnitId: row.owningUnitId,
    supplier: row.supplier,
    hosting: row.hosting,
    annualCost: row.annualCost === null ? null : Number(row.annualCost),
    dpaStatus: row.dpaStatus,
    licences: licencesOf.get(row.id) ?? [],
  }));
  return {
    systems: stored,
    personIdByNumber: new Map(people.map((row) => [row.employeeNumber, row.id])),
    unitIdByCode: new Map(units.map((row) => [row.code, row.id])),
  };
}

// ---------------------------------------------------------------- writing a plan

export async function writeOrgPlan(tx: Executor, tenantId: string, plan: OrgPlan, progress?: Progress): Promise<void> {
  const total = plan.positions.length + plan.persons.length + plan.units.length + plan.employments.length;
  let done = 0;
  const step = async (count: number) => {
    done += count;
    await progress?.(done, total);
  };
  for (const batch of batches(plan.positions)) {
    await tx.insert(positions).values(batch.map((position) => ({ ...position, tenantId })));
    await step(batch.length);
  }
  for (const batch of batches(plan.persons)) {
    await bulkWrite(tx, 'persons', tenantId, batch, [
      { column: 'employee_number', type: 'text', value: (p) => p.employeeNumber },
      { column: 'given_name', type: 'text', value: (p) => p.givenName },
      { column: 'family_name', type: 'text', value: (p) => p.familyName },
      { column: 'email', type: 'text', value: (p) => p.email },
      { column: 'kind', type: 'text', value: (p) => p.kind },
    ], ['given_name', 'family_name', 'email', 'kind']);
    await step(batch.length);
  }
  // Units come parents first, so every batch refers only to units already written.
  for (const batch of batches(plan.units)) {
    await bulkWrite(tx, 'org_units', tenantId, batch, [
      { column: 'code', type: 'text', value: (u) => u.code },
      { column: 'name', type: 'text', value: (u) => u.name },
      { column: 'parent_id', type: 'uuid', value: (u) => u.parentId },
      { column: 'manager_person_id', type: 'uuid', value: (u) => u.managerPersonId },
    ], ['name', 'parent_id', 'manager_person_id']);
    await step(batch.length);
  }
  for (const batch of batches(plan.employments)) {
    await bulkWrite(tx, 'employments', tenantId, batch, [
      { column: 'person_id', type: 'uuid', value: (e) => e.personId },
      { column: 'org_unit_id', type: 'uuid', value: (e) => e.orgUnitId },
      { column: 'position_id', type: 'uuid', value: (e) => e.positionId },
      { column: 'manager_person_id', type: 'uuid', value: (e) => e.managerPersonId },
      { column: 'start_date', type: 'date', value: (e) => e.startDate },
      { column: 'end_date', type: 'date', value: (e) => e.endDate },
      { column: 'is_primary', type: 'boolean', value: () => true },
    ], ['org_unit_id', 'position_id', 'manager_person_id', 'start_date', 'end_date']);
    await step(batch.length);
  }
}

export async function writeSystemsPlan(tx: Executor, tenantId: string, plan: SystemsPlan, progress?: Progress): Promise<void> {
  let done = 0;
  for (const batch of batches(plan.writes, 200)) {
    await tx
      .insert(systems)
      .values(batch.map((write) => ({ ...write.values, id: write.id, tenantId })))
      .onConflictDoUpdate({
        target: systems.id,
        set: {
          ...excludedColumns(systems, [
            'name', 'description', 'lifecyclePhase', 'criticality', 'ownerPersonId', 'administratorPersonId',
            'owningUnitId', 'supplier', 'hosting', 'annualCost', 'dpaStatus',
          ]),
          version: sql`${systems.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
    const replaced = batch.filter((write) => write.licences);
    if (replaced.length) {
      const stored = replaced.filter((write) => !write.isNew).map((write) => write.id);
      if (stored.length) await tx.delete(licencePools).where(inArray(licencePools.systemId, stored));
      const pools = replaced.flatMap((write) => write.licences!.map((licence) => ({ ...licence, tenantId, systemId: write.id })));
      for (const poolBatch of batches(pools)) await tx.insert(licencePools).values(poolBatch);
    }
    done += batch.length;
    await progress?.(done, plan.writes.length);
  }
}

/** One audit event for the import as a whole, beside the per-row events the trigger writes. */
export async function recordImport(tx: Executor, actor: Actor, details: { kind: string; fileName: string; summary: object }) {
  await tx.insert(auditEvents).values({
    tenantId: actor.tenantId,
    actorId: actor.actorId,
    actorName: actor.actorName,
    action: 'import',
    entityType: 'import',
    entityLabel: details.fileName,
    after: details,
    requestId: actor.requestId ?? null,
  });
}

// ---------------------------------------------------------------- export

export function exportUnits(tx: Executor) {
  const parent = sql`(select p.code from org_units p where p.id = ${orgUnits.parentId})`;
  const manager = sql`(select m.employee_number from persons m where m.id = ${orgUnits.managerPersonId})`;
  return tx
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, parentId: orgUnits.parentId, parentCode: sql<string | null>`${parent}`, managerNumber: sql<string | null>`${manager}` })
    .from(orgUnits)
    .orderBy(asc(orgUnits.code));
}

/** A page of persons by employee number, after `after`, for a streamed export. */
export function exportPersonsPage(tx: Executor, after: string | null, limit: number) {
  return tx
    .select({ id: persons.id, employeeNumber: persons.employeeNumber, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, kind: persons.kind })
    .from(persons)
    .where(after === null ? undefined : gt(persons.employeeNumber, after))
    .orderBy(asc(persons.employeeNumber))
    .limit(limit);
}

export async function positionTitles(tx: Executor) {
  const rows = await tx.select({ id: positions.id, title: positions.title }).from(positions);
  return new Map(rows.map((row) => [row.id, row.title]));
}

export async function personNumbers(tx: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx.select({ id: persons.id, employeeNumber: persons.employeeNumber }).from(persons).where(inArray(persons.id, ids));
  return new Map(rows.map((row) => [row.id, row.employeeNumber]));
}

export async function exportSystems(tx: Executor) {
  const state = await loadSystemsState(tx);
  const numberOf = new Map([...state.personIdByNumber].map(([number, id]) => [id, number]));
  const codeOf = new Map([...state.unitIdByCode].map(([code, id]) => [id, code]));
  return state.systems
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map((system) => ({
      ...system,
      ownerNumber: system.ownerPersonId ? (numberOf.get(system.ownerPersonId) ?? null) : null,
      administratorNumber: system.administratorPersonId ? (numberOf.get(system.administratorPersonId) ?? null) : null,
      unitCode: system.owningUnitId ? (codeOf.get(system.owningUnitId) ?? null) : null,
    }));
}

// ---------------------------------------------------------------- uploaded files

export async function storeImportFile(tx: Executor, tenantId: string, file: { kind: string; fileName: string; content: Uint8Array }) {
  // Files of jobs that never ran to the end are not kept for ever.
  await tx.delete(importFiles).where(sql`${importFiles.createdAt} < now() - interval '1 day'`);
  const [row] = await tx.insert(importFiles).values({ ...file, tenantId }).returning({ id: importFiles.id });
  return row!.id;
}

export async function readImportFile(tx: Executor, id: string) {
  const [row] = await tx.select().from(importFiles).where(eq(importFiles.id, id));
  return row;
}

export async function deleteImportFile(tx: Executor, id: string) {
  await tx.delete(importFiles).where(eq(importFiles.id, id));
}
