import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { changedFields, historyChildren } from './history.ts';
import type { AuditQuery } from './schemas.ts';
import { auditEvents } from './tables.ts';

type AuditRow = typeof auditEvents.$inferSelect;

function present(row: AuditRow) {
  const before = row.before as Record<string, unknown> | null;
  const after = row.after as Record<string, unknown> | null;
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: row.entityLabel,
    changedFields: changedFields(before, after),
    before,
    after,
  };
}

const nextDay = (date: string) => (date.length === 10 ? new Date(Date.parse(date) + 86_400_000) : new Date(date));

export async function listAuditEvents(tx: Executor, query: AuditQuery) {
  const filters: SQL[] = [];
  if (query.entityType) filters.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditEvents.entityId, query.entityId));
  if (query.actor) filters.push(ilike(auditEvents.actorName, `%${query.actor}%`));
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  if (query.search) filters.push(ilike(auditEvents.entityLabel, `%${query.search}%`));
  if (query.from) filters.push(gte(auditEvents.occurredAt, new Date(query.from)));
  if (query.to) filters.push(lt(auditEvents.occurredAt, nextDay(query.to)));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    tx
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    tx.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

/** An object's history: its own rows and those of the rows that belong to it. */
export async function entityHistory(tx: Executor, entityType: string, entityId: string) {
  const own = and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId));
  const children = (historyChildren[entityType] ?? []).map(({ table, foreignKey }) =>
    and(
      eq(auditEvents.entityType, table),
      or(sql`${auditEvents.after} ->> ${foreignKey} = ${entityId}`, sql`${auditEvents.before} ->> ${foreignKey} = ${entityId}`),
    )!,
  );
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(or(own, ...children))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(500);
  return rows.map(present);
}
