import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { orgUnits, persons } from '../org/tables.ts';
import { planLicenceChanges } from './licence-changes.ts';
import type { SystemInput, SystemListQuery } from './schemas.ts';
import { licencePools, systems } from './tables.ts';

const owner = aliasedTable(persons, 'owner');
const administrator = aliasedTable(persons, 'administrator');

const personName = (table: typeof owner) =>
  sql<string | null>`case when ${table.id} is null then null else ${table.givenName} || ' ' || ${table.familyName} end`;

const summaryColumns = {
  id: systems.id,
  name: systems.name,
  lifecyclePhase: systems.lifecyclePhase,
  criticality: systems.criticality,
  supplier: systems.supplier,
  ownerId: owner.id,
  ownerName: personName(owner),
  unitId: orgUnits.id,
  unitName: orgUnits.name,
  annualCost: systems.annualCost,
  dpaStatus: systems.dpaStatus,
  updatedAt: systems.updatedAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & Record<string, unknown>;

function presentSummary(row: SummaryRow) {
  return {
    id: row.id as string,
    name: row.name as string,
    lifecyclePhase: row.lifecyclePhase as (typeof systems.$inferSelect)['lifecyclePhase'],
    criticality: row.criticality as (typeof systems.$inferSelect)['criticality'],
    supplier: row.supplier as string | null,
    owner: row.ownerId ? { id: row.ownerId as string, name: row.ownerName as string } : null,
    owningUnit: row.unitId ? { id: row.unitId as string, name: row.unitName as string } : null,
    annualCost: row.annualCost === null ? null : Number(row.annualCost),
    dpaStatus: row.dpaStatus as (typeof systems.$inferSelect)['dpaStatus'],
    updatedAt: new Date(row.updatedAt as Date).toISOString(),
  };
}

const sortColumns = {
  name: systems.name,
  lifecyclePhase: systems.lifecyclePhase,
  criticality: sql`array_position(array['low','medium','high','critical'], ${systems.criticality})`,
  supplier: systems.supplier,
  annualCost: systems.annualCost,
  updatedAt: systems.updatedAt,
} as const;

/**
 * The municipality's catalogue and org tree versions, in one statement: a cached page of the system
 * list is good while both are unchanged (row-level security limits each to the tenant).
 */
export async function catalogueVersions(tx: Executor): Promise<{ catalogue: number; org: number }> {
  const result = await tx.execute(sql`select
    (select version from catalogue_versions) as catalogue,
    (select version from org_tree_versions) as org`);
  const row = (result as unknown as { rows: { catalogue: string | number | null; org: string | number | null }[] }).rows[0];
  return { catalogue: Number(row?.catalogue ?? 0), org: Number(row?.org ?? 0) };
}

export async function listSystems(tx: Executor, query: SystemListQuery) {
  const filters: SQL[] = [];
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(systems.name, pattern), ilike(systems.description, pattern), ilike(systems.supplier, pattern))!);
  }
  if (query.lifecyclePhase) filters.push(eq(systems.lifecyclePhase, query.lifecyclePhase));
  if (query.criticality) filters.push(eq(systems.criticality, query.criticality));
  if (query.ownerPersonId) filters.push(eq(systems.ownerPersonId, query.ownerPersonId));
  if (query.owningUnitId) filters.push(eq(systems.owningUnitId, query.owningUnitId));
  if (query.supplier) filters.push(eq(systems.supplier, query.supplier));
  const where = filters.length ? and(...filters) : undefined;
  const direction = query.order === 'desc' ? desc : asc;

  // The total comes with the page (a window count) rather than from a second round trip.
  const pageQuery = tx
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(systems)
    .leftJoin(owner, eq(owner.id, systems.ownerPersonId))
    .leftJoin(orgUnits, eq(orgUnits.id, systems.owningUnitId))
    .where(where)
    .orderBy(direction(sortColumns[query.sort]), asc(systems.name))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'));
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  // The unfiltered list is what most requests ask for; as a named prepared statement PostgreSQL
  // plans it once per connection instead of on every request (planning, with row-level security
  // on three tables, cost more than running it).
  const rows = filters.length === 0
    ? await pageQuery.prepare(`systems_page_${query.sort}_${query.order}`).execute(page)
    : await pageQuery.prepare('').execute(page);
  // A page past the end has no rows to carry the total; only then is it counted on its own.
  const total =
    rows[0]?.total ?? (query.page > 1 ? ((await tx.select({ total: count() }).from(systems).where(where))[0]?.total ?? 0) : 0);
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getSystem(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      ...summaryColumns,
      description: systems.description,
      hosting: systems.hosting,
      version: systems.version,
      createdAt: systems.createdAt,
      administratorId: administrator.id,
      administratorName: personName(administrator),
    })
    .from(systems)
    .leftJoin(owner, eq(owner.id, systems.ownerPersonId))
    .leftJoin(administrator, eq(administrator.id, systems.administratorPersonId))
    .leftJoin(orgUnits, eq(orgUnits.id, systems.owningUnitId))
    .where(eq(systems.id, id));
  if (!row) throw notFound('systemet');
  const licences = await tx
    .select({ id: licencePools.id, licenceType: licencePools.licenceType, count: licencePools.count, unitPrice: licencePools.unitPrice })
    .from(licencePools)
    .where(eq(licencePools.systemId, id))
    .orderBy(asc(licencePools.licenceType));
  const normalised = licences.map((pool) => ({ ...pool, unitPrice: Number(pool.unitPrice) }));
  return {
    ...presentSummary(row),
    description: row.description,
    hosting: row.hosting,
    administrator: row.administratorId ? { id: row.administratorId, name: row.administratorName! } : null,
    licences: normalised,
    licenceCost: normalised.reduce((sum, pool) => sum + pool.count * pool.unitPrice, 0),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Brings a system's licence pools in line with the edited list, pool by pool (matched by licence
 * type), so that the history shows what really changed rather than a delete and re-insert of all.
 */
async function syncLicences(tx: Executor, tenantId: string, systemId: string, licences: SystemInput['licences']) {
  const existing = await tx.select().from(licencePools).where(eq(licencePools.systemId, systemId));
  const { toInsert, toUpdate, toDelete } = planLicenceChanges(existing, licences);
  if (toDelete.length) await tx.delete(licencePools).where(inArray(licencePools.id, toDelete));
  for (const { id, count, unitPrice } of toUpdate) {
    await tx.update(licencePools).set({ count, unitPrice, updatedAt: new Date() }).where(eq(licencePools.id, id));
  }
  if (toInsert.length) await tx.insert(licencePools).values(toInsert.map((pool) => ({ ...pool, tenantId, systemId })));
}

export async function createSystem(tx: Executor, tenantId: string, input: SystemInput) {
  const { licences, ...fields } = input;
  const [created] = await tx.insert(systems).values({ ...fields, tenantId }).returning({ id: systems.id });
  await syncLicences(tx, tenantId, created!.id, licences);
  return getSystem(tx, created!.id);
}

export async function updateSystem(tx: Executor, tenantId: string, id: string, input: SystemInput & { version: number }) {
  const { licences, version, ...fields } = input;
  const [updated] = await tx
    .update(systems)
    .set({ ...fields, version: sql`${systems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(systems.id, id), eq(systems.version, version)))
    .returning({ id: systems.id });
  if (!updated) {
    const [exists] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.id, id));
    if (!exists) throw notFound('systemet');
    throw new AppError('version_conflict');
  }
  await syncLicences(tx, tenantId, id, licences);
  return getSystem(tx, id);
}

export async function deleteSystem(tx: Executor, id: string) {
  const deleted = await tx.delete(systems).where(eq(systems.id, id)).returning({ id: systems.id });
  if (deleted.length === 0) throw notFound('systemet');
}

export async function systemFacets(tx: Executor) {
  const [suppliers, owners, units] = await Promise.all([
    tx.selectDistinct({ supplier: systems.supplier }).from(systems).where(isNotNull(systems.supplier)).orderBy(asc(systems.supplier)),
    tx
      .selectDistinct({ id: owner.id, name: personName(owner), familyName: owner.familyName })
      .from(systems)
      .innerJoin(owner, eq(owner.id, systems.ownerPersonId))
      .orderBy(asc(owner.familyName)),
    tx
      .selectDistinct({ id: orgUnits.id, name: orgUnits.name })
      .from(systems)
      .innerJoin(orgUnits, eq(orgUnits.id, systems.owningUnitId))
      .orderBy(asc(orgUnits.name)),
  ]);
  return {
    suppliers: suppliers.map((row) => row.supplier!),
    owners: owners.map((row) => ({ id: row.id, name: row.name! })),
    units,
  };
}
