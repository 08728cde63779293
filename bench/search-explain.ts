/** `tsx bench/search-explain.ts`: the query plan and timings of one search on a small generated set (diagnosis aid for bench:search). */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../server/src/platform/database/tenant-scope.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { searchEntries } from '../server/src/modules/portal/tables.ts';
import { search } from '../server/src/modules/portal/search.ts';
import { createScratchDatabase } from '../test/support/scratch-postgres.ts';

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = await createScratchDatabase(adminUrl, 'grunnmur_bench_explain');
const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 1 });
try {
  await database.migrate();
  const [tenant] = await database.db.insert(tenants).values({ slug: 'bench', name: 'Benk' }).returning();
  const words = 'søknaden vedtak saksbehandler rutine frist barnehage skole faktura gebyr klage'.split(' ');
  for (let b = 0; b < 5; b++) {
    await database.db.insert(searchEntries).values(
      Array.from({ length: 1000 }, (_, i) => ({ tenantId: tenant!.id, kind: 'document' as const, entityId: crypto.randomUUID(), title: `Rutine ${words[i % 10]} ${b}-${i}`, body: Array.from({ length: 120 }, (_, j) => words[(i * 7 + j * 3) % 10]).join(' ') })),
    );
  }
  await database.db.execute(sql`analyze`);
  const actor = systemActor(tenant!.id, 'Bench');
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await inTenant(database.db, actor, (tx) => search(tx, { q: 'barnehage' }));
    console.log(`search ${i}: ${(performance.now() - t0).toFixed(1)} ms`);
  }
  const plan = await inTenant(database.db, actor, (tx) =>
    tx.execute(sql`explain (analyze, buffers) with q as (select to_tsquery('norwegian', 'barnehage:*') as query, to_tsquery('norwegian', 'barnehage:*A') as title_query),
      candidates as (
        (select e.id from search_entries e, q where e.search @@ q.title_query and e.kind in ('process','document','system') limit 400)
        union
        (select e.id from search_entries e, q where e.search @@ q.query and e.kind in ('process','document','system') limit 400)
      ),
      hits as (
        select e.kind, e.entity_id, e.title, e.body, ts_rank(e.search, q.query) as rank
        from search_entries e join candidates c on c.id = e.id, q
        order by rank desc, e.title limit 20
      )
      select hits.kind, hits.entity_id as id, ts_headline('norwegian', left(hits.body, 1200), q.query) from hits, q`),
  );
  console.log(((plan as unknown as { rows: { 'QUERY PLAN': string }[] }).rows).map((r) => r['QUERY PLAN']).join('\n'));
} finally {
  await database.close();
  await scratch.drop();
}
