import cluster from 'node:cluster';
import { startRuntime } from './bootstrap.ts';
import { loadConfig, type Config } from './config.ts';
import { DatabaseLockedError } from './platform/database/connection.ts';

const startedAt = performance.now();
const config = loadConfig();

/** One server process: database, API, web app and job workers. */
async function serve(config: Config): Promise<void> {
  // The database opens (PGlite compiles its WebAssembly) while the web app's modules load.
  const opening = startRuntime(config);
  const { buildApp } = await import('./app.ts');
  const runtime = await opening;
  const app = await buildApp({ config, database: runtime.database, jobs: runtime.jobs });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: runtime.database.kind, startupMs: Math.round(performance.now() - startedAt), pid: process.pid },
    `Grunnmur is ready on ${config.publicUrl}`,
  );
  await runtime.jobs.start({ work: true });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Several processes on one port (GRUNNMUR_WORKERS, PostgreSQL only), as several stateless
 * instances would run behind a load balancer. The primary migrates and loads the demo first so
 * the workers start on a ready database.
 */
async function superviseWorkers(config: Config): Promise<void> {
  const runtime = await startRuntime(config);
  await runtime.close();
  for (let index = 0; index < config.workers; index++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (code !== 0 && !signal) console.error(`Server process ${worker.process.pid} stopped (${code}); starting another.`);
    if (!signal && code !== 0) cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      setTimeout(() => process.exit(0), 10_000).unref();
      cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    });
  }
}

try {
  if (config.workers > 1 && cluster.isPrimary) await superviseWorkers(config);
  else await serve(config);
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    console.error(`${error.message}\nStop the other process, or set GRUNNMUR_DATA to another folder.`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
