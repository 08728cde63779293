/**
 * Where a start's time goes: the steps of `server/src/main.ts` and `startRuntime`, one by one,
 * on a PGlite data folder (made and demo-loaded on the first run, reused after). main.ts overlaps
 * opening the database with loading the app's modules and starts pg-boss after listening; here
 * every step runs alone so that each one's own cost shows.
 *
 *   node --import tsx bench/support/profile-start.ts /tmp/some-folder
 *
 * Timings come from performance.now(), whose zero is the process start, so the first line also
 * says how long Node and tsx took before this file ran.
 */
import path from 'node:path';

const mark = (() => {
  let last = performance.now();
  console.log(`${'node + tsx until this file runs'.padEnd(44)} ${Math.round(last)} ms`);
  return (label: string) => {
    const now = performance.now();
    console.log(`${label.padEnd(44)} ${Math.round(now - last)} ms`);
    last = now;
  };
})();

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: profile-start.ts DATA_DIR');

const { openDatabase } = await import('../../server/src/platform/database/connection.ts');
mark('import database layer (drizzle, PGlite, pg)');
const { createJobQueue } = await import('../../server/src/modules/jobs.ts');
mark('import job queue (pg-boss) and job modules');
const { loadDemoIfEmpty } = await import('../../server/src/demo/load-demo.ts');
const { loadConfig } = await import('../../server/src/config.ts');
mark('import demo loader and config');

const database = await openDatabase({ kind: 'pglite', dataDir: path.resolve(dataDir, 'pglite') });
mark('open PGlite');
await database.migrate();
mark('migrations check/run');
const loaded = await loadDemoIfEmpty(database);
mark(loaded ? 'demo load (empty folder)' : 'demo check (already loaded)');
const jobs = createJobQueue(database);

const { buildApp } = await import('../../server/src/app.ts');
mark('import app (fastify, plugins, all routes)');
const config = loadConfig({ LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1' });
const app = await buildApp({ config, database, jobs });
mark('buildApp (plugins, routes, schemas)');
await app.listen({ port: 0, host: '127.0.0.1' });
mark('listen (the page is served from here)');
await jobs.start({ work: true });
mark('pg-boss start, after listening');
await app.close();
await jobs.stop();
await database.close();
mark('close');
