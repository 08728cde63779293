/**
 * `npm run conformance:archimate -- DIR`: ArchiMate Open Exchange conformance of the map module,
 * against a real database (PGlite in a temporary folder) through the same import and export the
 * app uses. For every .xml model in DIR:
 *
 * - it imports, with every element, relationship and view the file declares (Archisurance: 122,
 *   179 and 18);
 * - the export is the same model as the file (identifiers, types, names, documentation,
 *   properties, relationship ends, view nodes with bounds and nesting, connections);
 * - the export imports again (into another municipality) and exports to the same model;
 * - a document with a DOCTYPE/ENTITY is refused and changes nothing.
 *
 * Prints one line per check and a pass/fail count; exits 1 on any failure.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../server/src/platform/database/tenant-scope.ts';
import { AppError } from '../server/src/platform/http/app-error.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { exportArchimate, importArchimate } from '../server/src/modules/map/archimate/store.ts';
import { differences, parseArchimate } from '../server/src/modules/map/archimate/model.ts';

const dir = process.argv.slice(2).find((arg) => arg !== '--');
if (!dir) {
  console.error('Bruk: npm run conformance:archimate -- MAPPE');
  process.exit(2);
}
const files = readdirSync(dir)
  .filter((name) => statSync(path.join(dir, name)).isFile() && /\.xml$/i.test(name))
  .sort();
if (!files.length) {
  console.error(`Fant ingen .xml-filer i ${dir}.`);
  process.exit(2);
}
/** What the issue requires of the reference model, on top of "everything the file declares". */
const expected: Record<string, { elements: number; relationships: number; views: number }> = {
  'archisurance.xml': { elements: 122, relationships: 179, views: 18 },
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'grunnmur-conformance-archimate-'));
const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
let passed = 0;
let failed = 0;
const check = (ok: boolean, line: string, details: string[] = []) => {
  if (ok) {
    passed++;
    console.log(`PASS ${line}`);
  } else {
    failed++;
    console.log(`FAIL ${line}`);
    for (const detail of details.slice(0, 10)) console.log(`     ${detail}`);
  }
};

try {
  await database.migrate();
  let n = 0;
  const tenant = async () => {
    const [row] = await database.db.insert(tenants).values({ slug: `conformance-${++n}`, name: `Conformance ${n}` }).returning();
    return systemActor(row!.id, 'ArchiMate conformance');
  };
  for (const name of files) {
    try {
      const original = readFileSync(path.join(dir, name), 'utf8');
      const declared = parseArchimate(original);
      const first = await tenant();
      const started = performance.now();
      const imported = await inTenant(database.db, first, (tx) => importArchimate(tx, first, original));
      const ms = Math.round(performance.now() - started);
      const want = expected[name] ?? { elements: declared.elements.length, relationships: declared.relationships.length, views: declared.views.length };
      check(
        imported.elements === want.elements && imported.relationships === want.relationships && imported.views === want.views,
        `${name}: importerer ${imported.elements} elementer, ${imported.relationships} relasjoner, ${imported.views} visninger (venter ${want.elements}/${want.relationships}/${want.views}; ${ms} ms; som våre: ${Object.entries(imported.mapped).map(([kind, count]) => `${kind} ${count}`).join(', ')})`,
      );
      const exported = await inTenant(database.db, first, (tx) => exportArchimate(tx, declared.name, first.tenantId));
      const firstModel = parseArchimate(exported.xml);
      check(
        firstModel.elements.length === want.elements && firstModel.relationships.length === want.relationships && firstModel.views.length === want.views,
        `${name}: eksporten har ${firstModel.elements.length}/${firstModel.relationships.length}/${firstModel.views.length}`,
      );
      const diff1 = differences(declared, firstModel);
      check(diff1.length === 0, `${name}: eksporten er samme modell som filen`, diff1);
      const second = await tenant();
      await inTenant(database.db, second, (tx) => importArchimate(tx, second, exported.xml));
      const again = await inTenant(database.db, second, (tx) => exportArchimate(tx, declared.name, second.tenantId));
      const diff2 = differences(firstModel, parseArchimate(again.xml));
      check(diff2.length === 0, `${name}: eksport → import → eksport gir samme modell`, diff2);
      // Importing the same file again updates in place: the counts do not grow.
      await inTenant(database.db, first, (tx) => importArchimate(tx, first, original));
      const twice = parseArchimate((await inTenant(database.db, first, (tx) => exportArchimate(tx, declared.name, first.tenantId))).xml);
      check(differences(declared, twice).length === 0, `${name}: ny import av samme fil oppdaterer, dupliserer ikke`);
    } catch (error) {
      const problems = error instanceof AppError ? error.problems.map((p) => p.message) : [];
      check(false, `${name}: ${(error as Error).message}`, problems);
    }
  }
  const hostile = await tenant();
  const evil = '<?xml version="1.0"?><!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]><model identifier="x"><name>&x;</name></model>';
  try {
    await inTenant(database.db, hostile, (tx) => importArchimate(tx, hostile, evil));
    check(false, 'DOCTYPE/ENTITY avvises');
  } catch (error) {
    check(error instanceof AppError && error.code === 'import_rejected', `DOCTYPE/ENTITY avvises: ${(error as Error).message}`);
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\n${passed} bestått, ${failed} feilet`);
process.exit(failed ? 1 : 0);
