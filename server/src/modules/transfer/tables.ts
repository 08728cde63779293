import { customType, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantOwned } from '../../platform/database/columns.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * An uploaded file waiting for its import job. The job runs in another process or later, so the
 * bytes are kept in the database (tenant data, under row-level security) and removed by the job.
 */
export const importFiles = pgTable('import_files', {
  ...tenantOwned,
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
