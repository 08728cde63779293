import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who changed what, when, from what to what. Rows are written by a database trigger on every
 * audited table (see the migration `audit_and_row_level_security`), so no write path can forget
 * them; the application role may insert and read but never update or delete them.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    /** insert | update | delete, or a named action such as sign_in or import. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    entityLabel: text('entity_label'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (table) => [
    index('audit_events_entity_idx').on(table.tenantId, table.entityType, table.entityId, table.occurredAt),
    index('audit_events_time_idx').on(table.tenantId, table.occurredAt),
  ],
);
