import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { systems } from '../catalogue/tables.ts';
import { orgUnits, persons } from '../org/tables.ts';
import type { InformationObjectInput, IntegrationInput, ListQuery, ServiceInput, TechnologyInput } from './schemas.ts';
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
} from './tables.ts';

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function namesOf(tx: Executor, table: PgTable & { id: PgColumn; name: PgColumn }, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tx.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids));
  return (rows as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

async function personRef(tx: Executor, id: string | null) {
  if (!id) return null;
  const [p] = await tx.select({ id: persons.id, g: persons.givenName, f: persons.familyName }).from(persons).where(eq(persons.id, id));
  return p ? { id: p.id, name: `${p.g} ${p.f}` } : null;
}

async function unitRef(tx: Executor, id: string | null) {
  if (!id) return null;
  const [u] = await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, id));
  return u ?? null;
}

/** Checks that every referenced system exists in this municipality, with a message naming the field. */
async function requireSystems(tx: Executor, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await tx.select({ id: systems.id }).from(systems).where(inArray(systems.id, unique));
  if (found.length !== unique.length) throw new AppError('validation_failed', 'Et av systemene finnes ikke.', [{ field, message: 'Systemet finnes ikke' }]);
  return unique;
}

function checkVersion(current: { version: number } | undefined, expected: number, what: string) {
  if (!current) throw notFound(what);
  if (current.version !== expected) throw new AppError('version_conflict');
}

async function page<T>(tx: Executor, table: PgTable & { id: PgColumn; name: PgColumn; tenantId: PgColumn }, query: ListQuery, extra: SQL[] = []) {
  const filters = [...extra];
  if (query.q) filters.push(ilike(table.name, likePattern(query.q)));
  const where = filters.length ? and(...filters) : undefined;
  const rows = await tx
    .select({ id: table.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(table)
    .where(where)
    .orderBy(asc(table.name), asc(table.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { ids: rows.map((r) => r.id as string), total: rows[0]?.total ?? 0 } as { ids: string[]; total: number } & { _?: T };
}

// ---------- services ----------

async function syncPairs(
  tx: Executor,
  table: PgTable,
  ownerColumn: PgColumn,
  ownerId: string,
  otherColumn: PgColumn,
  wanted: string[],
  insert: (otherId: string) => Record<string, unknown>,
) {
  const existing = (await tx.select({ other: otherColumn }).from(table).where(eq(ownerColumn, ownerId))).map((r) => r.other as string);
  const remove = existing.filter((id) => !wanted.includes(id));
  const add = [...new Set(wanted)].filter((id) => !existing.includes(id));
  if (remove.length) await tx.delete(table).where(and(eq(ownerColumn, ownerId), inArray(otherColumn, remove)));
  if (add.length) await tx.insert(table).values(add.map(insert));
}

export async function getService(tx: Executor, id: string) {
  const [row] = await tx.select().from(services).where(eq(services.id, id));
  if (!row) throw notFound('tjenesten');
  const systemIds = (await tx.select({ id: serviceSystems.systemId }).from(serviceSystems).where(eq(serviceSystems.serviceId, id))).map((r) => r.id);
  const processIds = (await tx.select({ id: serviceProcesses.processId }).from(serviceProcesses).where(eq(serviceProcesses.serviceId, id))).map((r) => r.id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    audience: row.audience,
    criticality: row.criticality,
    ownerPersonId: row.ownerPersonId,
    owningUnitId: row.owningUnitId,
    owner: await personRef(tx, row.ownerPersonId),
    owningUnit: await unitRef(tx, row.owningUnitId),
    systemIds,
    processIds,
    systems: await namesOf(tx, systems, systemIds),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listServices(tx: Executor, query: ListQuery) {
  const { ids, total } = await page(tx, services, query);
  return { items: await Promise.all(ids.map((id) => getService(tx, id))), total, page: query.page, pageSize: query.pageSize };
}

/** Process ids have no foreign key (the processes module is optional), so they are checked here. */
async function requireProcesses(tx: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const present = await tx.execute(sql`select to_regclass('public.processes') is not null as ok`);
  const ok = (((present as { rows?: { ok: boolean }[] }).rows ?? (present as unknown as { ok: boolean }[])) as { ok: boolean }[])[0]?.ok;
  const found = ok ? await tx.execute(sql`select count(*)::int as n from processes where id in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`) : null;
  const n = found ? ((((found as { rows?: { n: number }[] }).rows ?? (found as unknown as { n: number }[])) as { n: number }[])[0]?.n ?? 0) : 0;
  if (n !== unique.length) throw new AppError('validation_failed', 'En av prosessene finnes ikke.', [{ field: 'processIds', message: 'Prosessen finnes ikke' }]);
  return unique;
}

export async function saveService(tx: Executor, tenantId: string, id: string | null, input: ServiceInput, expectedVersion?: number) {
  const systemIds = await requireSystems(tx, input.systemIds, 'systemIds');
  const processIds = await requireProcesses(tx, input.processIds);
  const values = {
    name: input.name,
    description: input.description,
    audience: input.audience,
    criticality: input.criticality,
    ownerPersonId: input.ownerPersonId,
    owningUnitId: input.owningUnitId,
  };
  if (id) {
    const [current] = await tx.select({ version: services.version }).from(services).where(eq(services.id, id));
    checkVersion(current, expectedVersion!, 'tjenesten');
    await tx.update(services).set({ ...values, version: current!.version + 1, updatedAt: new Date() }).where(eq(services.id, id));
  } else {
    id = (await tx.insert(services).values({ ...values, tenantId }).returning({ id: services.id }))[0]!.id;
  }
  const serviceId = id;
  await syncPairs(tx, serviceSystems, serviceSystems.serviceId, serviceId, serviceSystems.systemId, systemIds, (systemId) => ({ tenantId, serviceId, systemId }));
  await syncPairs(tx, serviceProcesses, serviceProcesses.serviceId, serviceId, serviceProcesses.processId, processIds, (processId) => ({ tenantId, serviceId, processId }));
  return getService(tx, serviceId);
}

// ---------- information objects ----------

export async function getInformationObject(tx: Executor, id: string) {
  const [row] = await tx.select().from(informationObjects).where(eq(informationObjects.id, id));
  if (!row) throw notFound('informasjonstypen');
  const systemIds = (
    await tx.select({ id: systemInformation.systemId }).from(systemInformation).where(eq(systemInformation.informationObjectId, id))
  ).map((r) => r.id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    personalDataCategory: row.personalDataCategory,
    sensitivity: row.sensitivity,
    ownerPersonId: row.ownerPersonId,
    owner: await personRef(tx, row.ownerPersonId),
    systemIds,
    systems: await namesOf(tx, systems, systemIds),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listInformationObjects(tx: Executor, query: ListQuery) {
  const { ids, total } = await page(tx, informationObjects, query);
  return { items: await Promise.all(ids.map((id) => getInformationObject(tx, id))), total, page: query.page, pageSize: query.pageSize };
}

/** The pick list other modules (processes: data objects) use: `{ items: [{ id, name }] }`. */
export async function pickInformationObjects(tx: Executor, q: string | undefined) {
  const rows = await tx
    .select({ id: informationObjects.id, name: informationObjects.name })
    .from(informationObjects)
    .where(q ? ilike(informationObjects.name, likePattern(q)) : undefined)
    .orderBy(asc(informationObjects.name))
    .limit(50);
  return { items: rows };
}

export async function saveInformationObject(tx: Executor, tenantId: string, id: string | null, input: InformationObjectInput, expectedVersion?: number) {
  const systemIds = await requireSystems(tx, input.systemIds, 'systemIds');
  const values = {
    name: input.name,
    description: input.description,
    personalDataCategory: input.personalDataCategory,
    sensitivity: input.sensitivity,
    ownerPersonId: input.ownerPersonId,
  };
  if (id) {
    const [current] = await tx.select({ version: informationObjects.version }).from(informationObjects).where(eq(informationObjects.id, id));
    checkVersion(current, expectedVersion!, 'informasjonstypen');
    await tx.update(informationObjects).set({ ...values, version: current!.version + 1, updatedAt: new Date() }).where(eq(informationObjects.id, id));
  } else {
    id = (await tx.insert(informationObjects).values({ ...values, tenantId }).returning({ id: informationObjects.id }))[0]!.id;
  }
  const informationObjectId = id;
  await syncPairs(tx, systemInformation, systemInformation.informationObjectId, informationObjectId, systemInformation.systemId, systemIds, (systemId) => ({
    tenantId,
    systemId,
    informationObjectId,
  }));
  return getInformationObject(tx, informationObjectId);
}

// ---------- integrations ----------

export async function getIntegration(tx: Executor, id: string) {
  const [row] = await tx.select().from(integrations).where(eq(integrations.id, id));
  if (!row) throw notFound('integrasjonen');
  const informationObjectIds = (
    await tx.select({ id: integrationInformation.informationObjectId }).from(integrationInformation).where(eq(integrationInformation.integrationId, id))
  ).map((r) => r.id);
  const ends = await namesOf(tx, systems, [row.fromSystemId, row.toSystemId]);
  const nameOf = (sid: string) => ({ id: sid, name: ends.find((e) => e.id === sid)?.name ?? '' });
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    fromSystemId: row.fromSystemId,
    toSystemId: row.toSystemId,
    fromSystem: nameOf(row.fromSystemId),
    toSystem: nameOf(row.toSystemId),
    kind: row.kind,
    mode: row.mode,
    frequency: row.frequency,
    informationObjectIds,
    informationObjects: await namesOf(tx, informationObjects, informationObjectIds),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listIntegrations(tx: Executor, query: ListQuery) {
  const { ids, total } = await page(tx, integrations, query);
  return { items: await Promise.all(ids.map((id) => getIntegration(tx, id))), total, page: query.page, pageSize: query.pageSize };
}

export async function saveIntegration(tx: Executor, tenantId: string, id: string | null, input: IntegrationInput, expectedVersion?: number) {
  await requireSystems(tx, [input.fromSystemId], 'fromSystemId');
  await requireSystems(tx, [input.toSystemId], 'toSystemId');
  const infoIds = [...new Set(input.informationObjectIds)];
  if (infoIds.length) {
    const found = await tx.select({ id: informationObjects.id }).from(informationObjects).where(inArray(informationObjects.id, infoIds));
    if (found.length !== infoIds.length) throw new AppError('validation_failed', 'En av informasjonstypene finnes ikke.', [{ field: 'informationObjectIds', message: 'Finnes ikke' }]);
  }
  const values = {
    name: input.name,
    description: input.description,
    fromSystemId: input.fromSystemId,
    toSystemId: input.toSystemId,
    kind: input.kind,
    mode: input.mode,
    frequency: input.frequency,
  };
  if (id) {
    const [current] = await tx.select({ version: integrations.version }).from(integrations).where(eq(integrations.id, id));
    checkVersion(current, expectedVersion!, 'integrasjonen');
    await tx.update(integrations).set({ ...values, version: current!.version + 1, updatedAt: new Date() }).where(eq(integrations.id, id));
  } else {
    id = (await tx.insert(integrations).values({ ...values, tenantId }).returning({ id: integrations.id }))[0]!.id;
  }
  const integrationId = id;
  await syncPairs(tx, integrationInformation, integrationInformation.integrationId, integrationId, integrationInformation.informationObjectId, infoIds, (informationObjectId) => ({
    tenantId,
    integrationId,
    informationObjectId,
  }));
  return getIntegration(tx, integrationId);
}

// ---------- technology ----------

export async function getTechnology(tx: Executor, id: string) {
  const [row] = await tx.select().from(technologyComponents).where(eq(technologyComponents.id, id));
  if (!row) throw notFound('teknologikomponenten');
  const systemIds = (
    await tx.select({ id: systemTechnology.systemId }).from(systemTechnology).where(eq(systemTechnology.technologyComponentId, id))
  ).map((r) => r.id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    provider: row.provider,
    location: row.location,
    systemIds,
    systems: await namesOf(tx, systems, systemIds),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listTechnology(tx: Executor, query: ListQuery) {
  const { ids, total } = await page(tx, technologyComponents, query);
  return { items: await Promise.all(ids.map((id) => getTechnology(tx, id))), total, page: query.page, pageSize: query.pageSize };
}

export async function saveTechnology(tx: Executor, tenantId: string, id: string | null, input: TechnologyInput, expectedVersion?: number) {
  const systemIds = await requireSystems(tx, input.systemIds, 'systemIds');
  const values = { name: input.name, description: input.description, kind: input.kind, provider: input.provider, location: input.location };
  if (id) {
    const [current] = await tx.select({ version: technologyComponents.version }).from(technologyComponents).where(eq(technologyComponents.id, id));
    checkVersion(current, expectedVersion!, 'teknologikomponenten');
    await tx.update(technologyComponents).set({ ...values, version: current!.version + 1, updatedAt: new Date() }).where(eq(technologyComponents.id, id));
  } else {
    id = (await tx.insert(technologyComponents).values({ ...values, tenantId }).returning({ id: technologyComponents.id }))[0]!.id;
  }
  const technologyComponentId = id;
  await syncPairs(tx, systemTechnology, systemTechnology.technologyComponentId, technologyComponentId, systemTechnology.systemId, systemIds, (systemId) => ({
    tenantId,
    systemId,
    technologyComponentId,
  }));
  return getTechnology(tx, technologyComponentId);
}

export const deletable = {
  services: { table: services, what: 'tjenesten' },
  'information-objects': { table: informationObjects, what: 'informasjonstypen' },
  integrations: { table: integrations, what: 'integrasjonen' },
  technology: { table: technologyComponents, what: 'teknologikomponenten' },
} as const;

export async function deleteObject(tx: Executor, kind: keyof typeof deletable, id: string) {
  const { table, what } = deletable[kind];
  const removed = await tx.delete(table).where(eq(table.id, id)).returning({ id: table.id });
  if (!removed.length) throw notFound(what);
}
