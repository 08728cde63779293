/**
 * `npm run conformance:bpmn -- DIR`: BPMN 2.0 conformance of the process module, against a real
 * database (PGlite in a temporary folder) through the same import and export the app uses.
 *
 * - every model in DIR/miwg-reference imports, and export → import keeps every element, flow, lane
 *   and shape (ids, types, names, bounds);
 * - every file in DIR/malformed is refused with a clear (Norwegian) message, and nothing is stored.
 *
 * Prints one line per file and a pass/fail count; exits 1 on any failure.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { openDatabase } from '../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../server/src/platform/database/tenant-scope.ts';
import { AppError } from '../server/src/platform/http/app-error.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { processes, processVersions } from '../server/src/modules/processes/tables.ts';
import { exportBpmn, importBpmnProcess } from '../server/src/modules/processes/import.ts';
import { decodeBpmnBytes, parseBpmn, BpmnRejected } from '../server/src/modules/processes/bpmn/parse.ts';
import { compareModels } from '../server/src/modules/processes/bpmn/compare.ts';

const dir = process.argv.slice(2).find((arg) => arg !== '--');
if (!dir) {
  console.error('Bruk: npm run conformance:bpmn -- MAPPE (med undermappene miwg-reference og malformed)');
  process.exit(2);
}
const referenceDir = path.join(dir, 'miwg-reference');
const malformedDir = path.join(dir, 'malformed');
const listFiles = (folder: string, keep: (name: string) => boolean) =>
  readdirSync(folder)
    .filter((name) => statSync(path.join(folder, name)).isFile() && keep(name))
    .sort();
const referenceFiles = listFiles(referenceDir, (name) => /\.(bpmn|xml)$/i.test(name));
// Every file in malformed/ is a case, whatever its extension, except the licence text.
const malformedFiles = listFiles(malformedDir, (name) => !/^LICENSE/i.test(name));
if (referenceFiles.length === 0 || malformedFiles.length === 0) {
  console.error(`Fant ingen testfiler i ${referenceDir} eller ${malformedDir}.`);
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'grunnmur-conformance-bpmn-'));
const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
let passed = 0;
let failed = 0;
const pass = (line: string) => {
  passed++;
  console.log(`PASS ${line}`);
};
const fail = (line: string, details: string[] = []) => {
  failed++;
  console.log(`FAIL ${line}`);
  for (const detail of details.slice(0, 10)) console.log(`     ${detail}`);
};

try {
  await database.migrate();
  const [tenant] = await database.db.insert(tenants).values({ slug: 'conformance', name: 'Conformance kommune' }).returning();
  const actor = systemActor(tenant!.id, 'BPMN conformance');
  const stored = () =>
    inTenant(database.db, actor, async (tx) => {
      const [p] = await tx.select({ n: count() }).from(processes);
      const [v] = await tx.select({ n: count() }).from(processVersions);
      return p!.n + v!.n;
    });

  for (const name of referenceFiles) {
    const label = `miwg-reference/${name}`;
    try {
      const original = decodeBpmnBytes(readFileSync(path.join(referenceDir, name)));
      const { model: before } = await parseBpmn(original);
      const started = performance.now();
      const first = await inTenant(database.db, actor, (tx) => importBpmnProcess(tx, actor, { xml: original }));
      const importMs = performance.now() - started;
      const exported = await inTenant(database.db, actor, (tx) => exportBpmn(tx, first.versionId));
      const second = await inTenant(database.db, actor, (tx) => importBpmnProcess(tx, actor, { xml: exported.xml, name: `${name} (runde 2)` }));
      const again = await inTenant(database.db, actor, (tx) => exportBpmn(tx, second.versionId));
      const { model: after } = await parseBpmn(again.xml);
      const differences = compareModels(before, after);
      const counts = `${before.elements.length} elementer, ${before.flows.length} flyter, ${before.lanes.length} baner, ${before.shapes.length} figurer`;
      if (differences.length === 0) pass(`${label}: importert (${importMs.toFixed(0)} ms) og eksportert uten tap — ${counts}`);
      else fail(`${label}: eksport → import endret modellen`, differences);
    } catch (error) {
      fail(`${label}: ble ikke importert`, [error instanceof Error ? error.message : String(error)]);
    }
  }

  for (const name of malformedFiles) {
    const label = `malformed/${name}`;
    const storedBefore = await stored();
    let refusal: string | null = null;
    try {
      const bytes = readFileSync(path.join(malformedDir, name));
      const xml = decodeBpmnBytes(bytes);
      await inTenant(database.db, actor, (tx) => importBpmnProcess(tx, actor, { xml }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'import_rejected') refusal = error.detail ?? error.message;
      else if (error instanceof BpmnRejected) refusal = error.message;
      else refusal = `UVENTET FEIL: ${error instanceof Error ? error.message : String(error)}`;
    }
    const storedAfter = await stored();
    if (refusal === null) fail(`${label}: ble importert, men skulle vært avvist`);
    else if (refusal.startsWith('UVENTET FEIL')) fail(`${label}: avvist uten en klar melding`, [refusal]);
    else if (storedAfter !== storedBefore) fail(`${label}: avvist, men noe ble lagret (${storedAfter - storedBefore} rader)`);
    else pass(`${label}: avvist — «${refusal}»`);
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nBPMN conformance: ${passed} bestått, ${failed} feilet (av ${passed + failed})`);
process.exit(failed === 0 ? 0 : 1);
