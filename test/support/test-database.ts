import { openDatabase, type Database } from '../../server/src/platform/database/connection.ts';
import { createScratchDatabase } from './scratch-postgres.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server when GRUNNMUR_TEST_DATABASE=postgres (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.GRUNNMUR_TEST_DATABASE !== 'postgres') {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return database;
  }
  const adminUrl = process.env.GRUNNMUR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = await createScratchDatabase(adminUrl, 'grunnmur_test');
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
