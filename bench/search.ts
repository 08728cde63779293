/**
 * `npm run bench:search`: full-text search over 10,000 published processes and 50,000 documents
 * (plus the systems) on PostgreSQL, through the same `search()` the API uses, each query in its own
 * tenant transaction as a request would be. Target (issue 4): p95 ≤ 50 ms.
 *
 * Setup (not timed): processes with a published BPMN version (the search index is filled by the
 * triggers, as in production) and documents with ~120 words of Norwegian text each, in one tenant,
 * and a smaller second tenant so row-level security has something to filter.
 * Options: --processes N, --documents N, --rounds N, --no-write. BENCH_POSTGRES_URL picks the server.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Executor } from '../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../server/src/platform/database/tenant-scope.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { documents } from '../server/src/modules/documents/tables.ts';
import { searchEntries } from '../server/src/modules/portal/tables.ts';
import { processes, processVersions } from '../server/src/modules/processes/tables.ts';
import { search } from '../server/src/modules/portal/search.ts';
import { createScratchDatabase } from '../test/support/scratch-postgres.ts';
import { describeMachine, today as benchDay } from './support/machine.ts';
import { writeResultsSection } from './support/results.ts';

const { values: options } = parseArgs({
  options: {
    processes: { type: 'string', default: '10000' },
    documents: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '20' },
    'no-write': { type: 'boolean', default: false },
  },
});
const processCount = Number(options.processes);
const documentCount = Number(options.documents);
const rounds = Number(options.rounds);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const targetMs = 50;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const verbs = ['Behandle', 'Motta', 'Vurdere', 'Registrere', 'Følge opp', 'Tildele', 'Godkjenne', 'Journalføre', 'Kontrollere', 'Avslutte', 'Fakturere', 'Varsle'];
const objects = ['byggesøknad', 'søknad om barnehageplass', 'klage på vedtak', 'faktura', 'søknad om sosialhjelp', 'reguleringsplan', 'ansettelse', 'legemiddelavvik', 'skjenkebevilling', 'tilskudd til lag og foreninger', 'startlån', 'parkeringstillatelse', 'elevfravær', 'hjemmetjeneste', 'avfallsgebyr', 'eiendomsskatt', 'delingssak', 'seksjonering', 'kartforretning', 'innsynskrav'];
const words = 'kommunen skal søknaden vedtak saksbehandler rutine frist dager journalføres arkiv kontroll gebyr tiltak nabovarsel dispensasjon plan eiendom barnehage skole elev foresatte helse omsorg pasient sykehjem legemidler hjemmetjeneste vurdering kartlegging tildeling økonomi faktura attestasjon anvisning budsjett anskaffelse kontrakt leverandør personal ansettelse stilling lønn permisjon varsel klage klagefrist innsyn offentlighet taushetsplikt personopplysninger samtykke behandlingsgrunnlag tilgang system rolle leder enhet avdeling sektor tjeneste bruker innbygger'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');

const queries = ['byggesøknader', 'byggesøknad', 'barnehage', 'faktura attestasjon', 'sosialhjelp', 'klage vedtak', 'bygg', 'søknad', 'ansettelse', 'legemidler', 'reguleringsplan', 'skjenkebevilling', 'startlån', 'innsyn', 'tilskudd', 'gebyr', 'eiendomsskatt', 'nabovarsel dispensasjon', 'hjemmetjen', 'kartforretning'];

const scratch = await createScratchDatabase(adminUrl, 'grunnmur_bench_search');
const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 2 });

async function loadTenant(db: Executor, tenantId: string, processTotal: number, documentTotal: number) {
  const batch = 1000;
  for (let start = 0; start < processTotal; start += batch) {
    const rows = Array.from({ length: Math.min(batch, processTotal - start) }, (_, i) => ({
      tenantId,
      name: `${pick(verbs)} ${pick(objects)} ${start + i}`,
      purpose: sentence(20),
    }));
    const inserted = await db.insert(processes).values(rows).returning({ id: processes.id });
    await db.insert(processVersions).values(
      inserted.map((row) => ({
        tenantId,
        processId: row.id,
        version: 1,
        state: 'published' as const,
        bpmnXml: `<bpmn:definitions><bpmn:process id="P"><bpmn:task id="T1" name="${pick(verbs)} ${pick(objects)}"/><bpmn:task id="T2" name="${pick(verbs)} ${pick(objects)}"/><bpmn:task id="T3" name="${pick(verbs)} ${pick(objects)}"/></bpmn:process></bpmn:definitions>`,
      })),
    );
  }
  for (let start = 0; start < documentTotal; start += batch) {
    const rows = Array.from({ length: Math.min(batch, documentTotal - start) }, (_, i) => {
      const title = `${pick(['Rutine for', 'Mal for', 'Sjekkliste for', 'Retningslinjer for', 'Veileder for'])} ${pick(objects)} ${start + i}`;
      return { tenantId, path: `Dokumenter/${title}.docx`, name: `${title}.docx` };
    });
    const inserted = await db.insert(documents).values(rows).returning({ id: documents.id, name: documents.name });
    await db.insert(searchEntries).values(
      inserted.map((row) => ({ tenantId, kind: 'document' as const, entityId: row.id, title: row.name.replace(/\.docx$/, ''), body: `${sentence(60)}. ${sentence(60)}.` })),
    );
  }
}

try {
  await database.migrate();
  const [tenant] = await database.db.insert(tenants).values({ slug: 'bench', name: 'Benk kommune' }).returning();
  const [other] = await database.db.insert(tenants).values({ slug: 'nabo', name: 'Nabo kommune' }).returning();
  console.log(`Loading ${processCount} processes and ${documentCount} documents (setup, not timed) …`);
  const loadStarted = performance.now();
  await loadTenant(database.db, tenant!.id, processCount, documentCount);
  await loadTenant(database.db, other!.id, Math.round(processCount / 10), Math.round(documentCount / 10));
  await database.db.execute(sql`analyze`);
  console.log(`loaded in ${Math.round(performance.now() - loadStarted)} ms`);

  const actor = systemActor(tenant!.id, 'Benchmark');
  // Warm-up: the first round fills caches and plans; it is not counted.
  for (const q of queries) await inTenant(database.db, actor, (tx) => search(tx, { q }));
  // The floor: the same tenant transaction doing nothing, so the search's own share can be read off
  // a loaded machine.
  const floor: number[] = [];
  for (let i = 0; i < queries.length * rounds; i++) {
    const started = performance.now();
    await inTenant(database.db, actor, (tx) => tx.execute(sql`select 1`));
    floor.push(performance.now() - started);
  }
  floor.sort((a, b) => a - b);
  const floorP50 = floor[Math.floor(floor.length / 2)]!;
  const floorP95 = floor[Math.floor(floor.length * 0.95)]!;
  const timings: number[] = [];
  const perQuery = new Map<string, { ms: number[]; hits: number }>();
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const started = performance.now();
      const hits = await inTenant(database.db, actor, (tx) => search(tx, { q }));
      const ms = performance.now() - started;
      timings.push(ms);
      const entry = perQuery.get(q) ?? { ms: [], hits: hits.length };
      entry.ms.push(ms);
      perQuery.set(q, entry);
    }
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  const p50 = at(50);
  const p95 = at(95);
  const p99 = at(99);
  console.log(`floor (empty tenant transaction): p50 ${floorP50.toFixed(1)} ms, p95 ${floorP95.toFixed(1)} ms`);
  console.log(`searches: ${timings.length}; p50 ${fmt(p50)}, p95 ${fmt(p95)}, p99 ${fmt(p99)}, max ${fmt(sorted.at(-1)!)} (target p95 ≤ ${targetMs} ms: ${p95 <= targetMs ? 'met' : 'MISSED'})`);
  const rows = [...perQuery].map(([q, entry]) => {
    const s = [...entry.ms].sort((a, b) => a - b);
    return `| ${q} | ${entry.hits} | ${fmt(s[Math.floor(s.length / 2)]!)} | ${fmt(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!)} |`;
  });
  for (const row of rows) console.log(row);
  if (!options['no-write']) {
    writeResultsSection(
      'Full-text search (issue 4)',
      `
Search over processes, documents and systems (\`npm run bench:search\`, \`bench/search.ts\`): the API's
\`search()\` (decision 0008) — PostgreSQL full text with the \`norwegian\` configuration, compound
words split into known parts when indexed, every typed word required and matched as a prefix; at
most 200 title matches (GIN index on \`title_search\`) and 200 matches anywhere (GIN index on
\`search\`) fetched by the tenant-scoped \`grunnmur_search_candidates\`, only those ranked (title
first, then ts_rank) and ts_headline on the returned page only — each query in its own tenant
transaction (row-level security on) as a request runs it. ${processCount.toLocaleString('en')} published
processes (name, purpose and task names indexed by the triggers) and ${documentCount.toLocaleString('en')}
documents with ~120 words each, plus a second tenant with a tenth of that. ${queries.length}
realistic queries × ${rounds} rounds after one warm-up round; 20 hits a page.

- Machine: ${describeMachine()} (other work on the machine slows every figure).
- Date: ${benchDay()}; PostgreSQL on 127.0.0.1:5432, fresh database
- Load average when the run ended: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}
- **p50 ${fmt(p50)}, p95 ${fmt(p95)}, p99 ${fmt(p99)}** over ${timings.length} searches — target p95 ≤ ${targetMs} ms: ${p95 <= targetMs ? 'met' : '**missed**'}
- Floor on the same connection pool: an empty tenant transaction (\`select 1\`) took p50 ${fmt(floorP50)}, p95 ${fmt(floorP95)}

| query | hits | median | p95 |
|---|---|---|---|
${rows.join('\n')}
`,
    );
  }
} finally {
  await database.close();
  await scratch.drop();
}
