import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What users see of background work: one row per job they started, with progress. pg-boss keeps
 * the queue itself (its own schema); this table is tenant data and under row-level security.
 */
export const jobRuns = pgTable('job_runs', {
  id: uuid('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  kind: text('kind').notNull(),
  state: text('state', { enum: ['queued', 'running', 'completed', 'failed'] }).notNull().default('queued'),
  progressDone: integer('progress_done').notNull().default(0),
  progressTotal: integer('progress_total'),
  result: jsonb('result'),
  error: text('error'),
  startedBy: text('started_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
