import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { packageRoot } from '../package-root.ts';

/**
 * A PGlite data folder that has been through initdb and every migration and was then shut down
 * cleanly. Creating a cluster takes PGlite about 3.5 s and the migrations about 2 s; copying the
 * folder takes a tenth of that, so a first start copies it instead (decision 0007). `npm install`
 * makes it (the `prepare` script); a first start makes it when it is missing or the migrations
 * changed since. It holds no data of anyone's: only the empty schema every installation has.
 */

const migrationsFolder = path.join(packageRoot, 'drizzle');
const templatesFolder = path.join(packageRoot, 'dist', 'database-template');

/** Changes whenever a migration or the PGlite version does, so a stale template is never used. */
export function clusterTemplateKey(): string {
  const hash = createHash('sha256');
  hash.update(pgliteVersion());
  hash.update(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json')));
  for (const file of readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql')).sort()) {
    hash.update(file);
    hash.update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** PGlite's package does not export its package.json, so it is found from the package's entry. */
function pgliteVersion(): string {
  let folder = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

export function clusterTemplateFolder(key = clusterTemplateKey()): string {
  return path.join(templatesFolder, key);
}

/** Whether a folder already holds a PostgreSQL cluster (then it is opened as it is). */
export function holdsCluster(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Makes the template for the current migrations if it is not there yet. Built in a folder of its
 * own and renamed into place, so that processes starting together never see half of one.
 */
export async function ensureClusterTemplate(): Promise<string> {
  const key = clusterTemplateKey();
  const folder = clusterTemplateFolder(key);
  if (holdsCluster(folder)) return folder;
  mkdirSync(templatesFolder, { recursive: true });
  const building = path.join(templatesFolder, `${key}.building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const client = new PGlite(building);
  try {
    await client.waitReady;
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.close();
  }
  // Older templates are of no use once the migrations moved on.
  for (const name of readdirSync(templatesFolder)) {
    if (name !== key && !name.includes('.building-')) rmSync(path.join(templatesFolder, name), { recursive: true, force: true });
  }
  try {
    renameSync(building, folder);
  } catch (error) {
    // Another process finished first: its template is as good as ours.
    rmSync(building, { recursive: true, force: true });
    if (!holdsCluster(folder)) throw error;
  }
  return folder;
}

/**
 * Fills an empty data folder with a copy of the template, making the template first if needed.
 * Returns false, leaving the folder to PGlite's own initdb, when the template cannot be made
 * (a read-only installation, say).
 */
export async function seedFromClusterTemplate(dataDir: string): Promise<boolean> {
  if (holdsCluster(dataDir)) return false;
  let template: string;
  try {
    template = await ensureClusterTemplate();
  } catch (error) {
    console.warn(`The database template could not be made (${(error as Error).message}); creating the database directly.`);
    return false;
  }
  cpSync(template, dataDir, { recursive: true });
  return true;
}
