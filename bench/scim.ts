/**
 * `npm run bench:scim`: the SCIM server on PostgreSQL with a municipality of 10,000 people
 * (employments in 60 units) and 20 groups of 200: what a provisioning client's requests cost.
 * In-process requests (app.inject), so the figures are the server's work without the network.
 * Options: --people N (default 10000), --rounds N (default 40), --no-write (print only).
 * BENCH_POSTGRES_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { apiTokens } from '../server/src/modules/auth/tables.ts';
import { hashToken, newToken } from '../server/src/modules/auth/secrets.ts';
import { createJobQueue } from '../server/src/modules/jobs.ts';
import { employments, orgUnits, persons } from '../server/src/modules/org/tables.ts';
import { scimGroupMembers, scimGroups } from '../server/src/modules/scim/tables.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { openDatabase } from '../server/src/platform/database/connection.ts';
import { createScratchDatabase } from '../test/support/scratch-postgres.ts';
import { describeMachine, today } from './support/machine.ts';
import { writeResultsSection } from './support/results.ts';

const { values: options } = parseArgs({
  options: { people: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '40' }, 'no-write': { type: 'boolean', default: false } },
});
const people = Number(options.people);
const rounds = Number(options.rounds);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const machine = describeMachine();

const scratch = await createScratchDatabase(adminUrl, 'grunnmur_bench_scim');
const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
await database.migrate();
const jobs = createJobQueue(database);
await jobs.start({ work: false });
const app = await buildApp({ config: { ...loadConfig({ LOG_LEVEL: 'warn', GRUNNMUR_RATE_LIMIT: '100000000' }), demoData: false }, database, jobs });

const db = database.db;
const [tenant] = await db.insert(tenants).values({ slug: 'bench', name: 'Benk kommune' }).returning();
const tenantId = tenant!.id;
const units = await db
  .insert(orgUnits)
  .values(Array.from({ length: 60 }, (_, i) => ({ tenantId, code: String(1000 + i), name: `Enhet ${i}` })))
  .returning({ id: orgUnits.id });
const personIds: string[] = [];
for (let start = 0; start < people; start += 2000) {
  const rows = Array.from({ length: Math.min(2000, people - start) }, (_, k) => {
    const i = start + k;
    const number = String(i).padStart(5, '0');
    return { tenantId, employeeNumber: number, givenName: `Fornavn${number}`, familyName: `Etternavn${i % 500}`, email: `user${number}@benk.kommune.no`, username: `user${number}` };
  });
  const inserted = await db.insert(persons).values(rows).returning({ id: persons.id });
  personIds.push(...inserted.map((row) => row.id));
  await db.insert(employments).values(inserted.map((row, k) => ({ tenantId, personId: row.id, orgUnitId: units[(start + k) % units.length]!.id, startDate: '2020-01-01' })));
}
const groups = await db
  .insert(scimGroups)
  .values(Array.from({ length: 20 }, (_, i) => ({ tenantId, displayName: `Gruppe ${i}` })))
  .returning({ id: scimGroups.id });
for (const [g, group] of groups.entries()) {
  await db.insert(scimGroupMembers).values(Array.from({ length: 200 }, (_, k) => ({ tenantId, groupId: group.id, personId: personIds[(g * 200 + k) % personIds.length]! })));
}
const token = newToken('gm_');
await db.insert(apiTokens).values({ tenantId, name: 'Benk', role: 'scim_client', tokenHash: hashToken(token) });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };

async function measure(label: string, request: (round: number) => { method: 'GET' | 'PATCH'; url: string; payload?: unknown }) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const { method, url, payload } = request(round);
    const started = performance.now();
    const response = await app.inject({ method, url, headers, ...(payload ? { payload: JSON.stringify(payload) } : {}) });
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const row = { label, p50: at(0.5), p95: at(0.95) };
  console.log(`${label}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
  return row;
}

const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const rows = [
  await measure('GET /Users?filter=userName eq "…" (a client\'s "does this user exist?")', (r) => ({ method: 'GET', url: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "user${String((r * 97) % people).padStart(5, '0')}"`)}` })),
  await measure('GET /Users/{id}', (r) => ({ method: 'GET', url: `/scim/v2/Users/${personIds[(r * 131) % people]}` })),
  await measure('GET /Users?startIndex=…&count=100 (unfiltered: only the page is read)', (r) => ({ method: 'GET', url: `/scim/v2/Users?startIndex=${1 + (r % 10) * 100}&count=100` })),
  await measure('GET /Users?filter=name.familyName sw "Etternavn1"&sortBy=userName&count=100', () => ({ method: 'GET', url: `/scim/v2/Users?filter=${encodeURIComponent('name.familyName sw "Etternavn1"')}&sortBy=userName&count=100` })),
  await measure('PATCH /Users/{id} replace title (+ recompute request)', (r) => ({ method: 'PATCH', url: `/scim/v2/Users/${personIds[(r * 53) % people]}`, payload: { schemas: [patchOp], Operations: [{ op: 'replace', path: 'title', value: `Tittel ${r % 7}` }] } })),
  await measure('PATCH /Users/{id} new department (a mover)', (r) => ({ method: 'PATCH', url: `/scim/v2/Users/${personIds[(r * 71 + 1) % people]}`, payload: { schemas: [patchOp], Operations: [{ op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: String(1000 + (r % 60)) }] } })),
  await measure('PATCH /Groups/{id} add a member (group of 200)', (r) => ({ method: 'PATCH', url: `/scim/v2/Groups/${groups[r % groups.length]!.id}`, payload: { schemas: [patchOp], Operations: [{ op: 'add', path: 'members', value: [{ value: personIds[(people - 1 - r) % people] }] }] } })),
];

await app.close();
await jobs.stop();
await database.close();
await scratch.drop();

if (!options['no-write']) {
  writeResultsSection(
    'SCIM server (issue 3)',
    `\`npm run bench:scim\` — ${today()}; ${machine}. PostgreSQL, ${people} people with employments in 60 units, 20 groups of 200; ${rounds} requests each, in-process (\`app.inject\`), one at a time. Eight engineers shared the 2 cores while this ran, so the figures are high and noisy.

| Request | p50 | p95 |
| --- | ---: | ---: |
${rows.map((row) => `| ${row.label} | ${row.p50.toFixed(1)} ms | ${row.p95.toFixed(1)} ms |`).join('\n')}

Reading: lookups by \`userName\`, \`externalId\` or \`id\` (what Entra ID and HR systems send before every write) load only the matching rows, and an unfiltered, unsorted page reads only that page. A filter on any other attribute, or a sortBy, loads the tenant's people, evaluates the filter and sorts in memory (see docs/decisions/0005) — linear in the number of people; fine for a municipality, and the first thing to push into SQL if it is not.`,
  );
}
