import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A municipality. The one table without `tenant_id`: its `id` is the tenant. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Two-letter country code: municipalities in Norway and Denmark share installations. */
  country: text('country').notNull().default('NO'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
