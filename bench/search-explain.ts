/**
 * `tsx bench/search-explain.ts [--documents N] [--query Q]…`: the query plans (EXPLAIN ANALYZE,
 * BUFFERS) of the statements `search()` issues, on a generated set like bench:search's documents
 * (titles from a list of municipal tasks, ~120-word bodies from a 70-word vocabulary, so common
 * words match nearly every document). A diagnosis aid: it shows how many rows each step touches,
 * including the statements inside `grunnmur_search_candidates` (through auto_explain, so the
 * server must let the connecting role load it — a superuser, as in development).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { openDatabase, type Executor } from '../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../server/src/platform/database/tenant-scope.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { searchEntries } from '../server/src/modules/portal/tables.ts';
import { search } from '../server/src/modules/portal/search.ts';
import { createScratchDatabase } from '../test/support/scratch-postgres.ts';

const { values: options } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    /** Documents of another municipality in the same table, to see that a search does not read them. */
    'other-documents': { type: 'string', default: '0' },
    query: { type: 'string', multiple: true, default: ['faktura attestasjon', 'søknad'] },
    /** Leave the generated database behind (its URL is printed) to try plans by hand. */
    keep: { type: 'boolean', default: false },
  },
});
const documentCount = Number(options.documents);

let state = 42;
const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const objects = ['byggesøknad', 'søknad om barnehageplass', 'klage på vedtak', 'faktura', 'søknad om sosialhjelp', 'reguleringsplan', 'ansettelse', 'legemiddelavvik', 'skjenkebevilling', 'tilskudd til lag og foreninger', 'startlån', 'parkeringstillatelse', 'elevfravær', 'hjemmetjeneste', 'avfallsgebyr', 'eiendomsskatt', 'delingssak', 'seksjonering', 'kartforretning', 'innsynskrav'];
const words = 'kommunen skal søknaden vedtak saksbehandler rutine frist dager journalføres arkiv kontroll gebyr tiltak nabovarsel dispensasjon plan eiendom barnehage skole elev foresatte helse omsorg pasient sykehjem legemidler hjemmetjeneste vurdering kartlegging tildeling økonomi faktura attestasjon anvisning budsjett anskaffelse kontrakt leverandør personal ansettelse stilling lønn permisjon varsel klage klagefrist innsyn offentlighet taushetsplikt personopplysninger samtykke behandlingsgrunnlag tilgang system rolle leder enhet avdeling sektor tjeneste bruker innbygger'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');

/** The transaction, except that the plans of its statements (and of those they run) are printed. */
function explaining(tx: Executor): Executor {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        await target.execute(sql`set local client_min_messages = log`);
        const result = await target.execute(query);
        await target.execute(sql`set local client_min_messages = notice`);
        return result;
      };
    },
  });
}

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = await createScratchDatabase(adminUrl, 'grunnmur_bench_explain');
const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 1 });
try {
  await database.migrate();
  const [tenant] = await database.db.insert(tenants).values({ slug: 'bench', name: 'Benk' }).returning();
  const [other] = await database.db.insert(tenants).values({ slug: 'nabo', name: 'Nabo' }).returning();
  const load = async (tenantId: string, count: number) => {
    for (let start = 0; start < count; start += 1000) {
      await database.db.insert(searchEntries).values(
        Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
          tenantId,
          kind: 'document' as const,
          entityId: crypto.randomUUID(),
          title: `${pick(['Rutine for', 'Mal for', 'Sjekkliste for', 'Retningslinjer for'])} ${pick(objects)} ${start + i}`,
          body: `${sentence(60)}. ${sentence(60)}.`,
        })),
      );
    }
  };
  // The other municipality's documents first, so they lie ahead of ours in the table.
  await load(other!.id, Number(options['other-documents']));
  await load(tenant!.id, documentCount);
  await database.db.execute(sql`analyze`);
  // One connection of our own, on which auto_explain prints the plans of nested statements too.
  const explainPool = new pg.Pool({ connectionString: scratch.url, max: 1 });
  explainPool.on('connect', (client) => client.on('notice', (notice) => console.log(notice.message)));
  for (const setting of ["load 'auto_explain'", 'set auto_explain.log_min_duration = 0', 'set auto_explain.log_analyze = on', 'set auto_explain.log_buffers = on', 'set auto_explain.log_nested_statements = on']) {
    await explainPool.query(setting);
  }
  const explainDb = drizzle(explainPool) as unknown as Executor;
  const actor = systemActor(tenant!.id, 'Bench');
  for (const q of options.query) {
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const hits = await inTenant(database.db, actor, (tx) => search(tx, { q }));
      console.log(`«${q}» ${i + 1}: ${hits.length} hits in ${(performance.now() - started).toFixed(1)} ms`);
    }
    console.log(`\nPlans of «${q}» over ${documentCount} documents:`);
    await inTenant(explainDb, actor, (tx) => search(explaining(tx), { q }));
  }
  await explainPool.end();
} finally {
  await database.close();
  if (options.keep) console.log(`kept: ${scratch.url}`);
  else await scratch.drop();
}
