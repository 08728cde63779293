import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { packageRoot } from '../package-root.ts';
import { seedFromClusterTemplate } from './cluster-template.ts';
import { claimDataDir, releaseDataDir } from './data-dir-lock.ts';
import * as schema from './schema.ts';

export { DatabaseLockedError } from './data-dir-lock.ts';

export type Schema = typeof schema;
/** A database or a transaction on it: what queries take. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.join(packageRoot, 'drizzle');

export type DatabaseTarget = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string; poolSize?: number };

/** An open database, whichever engine is behind it. */
export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly db: Executor;
  /** Raw SQL for libraries that bring their own (pg-boss). Multi-statement text when no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target.dataDir) : openPostgres(target.url, target.poolSize);
}

async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite (a single-process PostgreSQL) cannot share a data folder; postmaster.pid tells us who holds it.
  if (dataDir) claimDataDir(dataDir);
  if (dataDir) await seedFromClusterTemplate(dataDir);
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Executor;
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async close() {
      await client.close();
      if (dataDir) releaseDataDir(dataDir);
    },
  };
}

async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client whose connection the server ends (restart, failover, a test dropping its
  // database) is reported here; unhandled, that 'error' event would crash the process. The pool
  // drops the client and opens a new one when needed.
  pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
  // Numeric and date columns come back as the strings PostgreSQL sends; Drizzle maps what it knows.
  const db = drizzleNodePg(pool, { schema }) as unknown as Executor;
  await db.execute(sql`select 1`);
  return {
    kind: 'postgres',
    db,
    executeSql: (text, values) => pool.query(text, values as unknown[]),
    async migrate() {
      // One migrator at a time when several instances start together.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(7431001)');
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(7431001)').catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
