import { startRuntime } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { DatabaseLockedError } from './platform/database/connection.ts';

const startedAt = performance.now();
const config = loadConfig();

try {
  // The database opens (PGlite compiles its WebAssembly) while the web app's modules load.
  const opening = startRuntime(config);
  const { buildApp } = await import('./app.ts');
  const runtime = await opening;
  const app = await buildApp({ config, database: runtime.database, jobs: runtime.jobs });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: runtime.database.kind, startupMs: Math.round(performance.now() - startedAt) },
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
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    console.error(`${error.message}\nStop the other process, or set GRUNNMUR_DATA to another folder.`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
