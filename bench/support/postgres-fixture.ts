import { eq } from 'drizzle-orm';
import { openDatabase } from '../../server/src/platform/database/connection.ts';
import { createScratchDatabase } from '../../test/support/scratch-postgres.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { demoMunicipalities, insertMunicipality } from '../../server/src/demo/load-demo.ts';
import { generateMunicipality } from '../../server/src/demo/generate-municipality.ts';
import { tenants } from '../../server/src/modules/tenants/tables.ts';
import { apiTokens } from '../../server/src/modules/auth/tables.ts';
import { hashToken, newToken } from '../../server/src/modules/auth/secrets.ts';

/**
 * A fresh PostgreSQL database for one benchmark run, migrated and loaded with Demo kommune
 * generated at the size asked for (the demo generator, same seed as `npm start`), plus an admin
 * API token for it. `drop()` removes it again.
 */
export interface BenchDatabase {
  url: string;
  token: string;
  loadMs: number;
  counts: Record<string, number>;
  drop(): Promise<void>;
}

export async function createBenchDatabase({ adminUrl, employees }: { adminUrl: string; employees: number }): Promise<BenchDatabase> {
  const { url, drop } = await createScratchDatabase(adminUrl, 'grunnmur_bench');

  try {
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
    try {
      await database.migrate();
      const started = performance.now();
      const demo = demoMunicipalities.find((options) => options.slug === 'demo')!;
      const municipality = generateMunicipality({ ...demo, employees });
      await database.db.insert(tenants).values(municipality.tenant);
      await inTenant(database.db, systemActor(municipality.tenant.id, 'Benchmark'), (tx) => insertMunicipality(tx, municipality));
      const loadMs = performance.now() - started;
      // A database in use has planner statistics; a freshly loaded one gets them from autovacuum
      // only later, and plans for empty tables until then.
      await database.executeSql('analyze');

      const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'demo'));
      if (!tenant) throw new Error('no tenant "demo" after loading');
      const token = newToken('gm_');
      await database.db.insert(apiTokens).values({ tenantId: tenant.id, name: 'bench', role: 'admin', tokenHash: hashToken(token) });

      const counts: Record<string, number> = {};
      for (const table of ['org_units', 'persons', 'employments', 'systems']) {
        const result = await database.executeSql(`select count(*)::int as n from ${table} where tenant_id = $1`, [tenant.id]);
        counts[table] = (result.rows[0] as { n: number }).n;
      }
      return { url, token, loadMs, counts, drop };
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
}
