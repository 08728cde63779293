import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/database/connection.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import { createJobQueue } from './modules/jobs.ts';
import { loadDemoIfEmpty } from './demo/load-demo.ts';

export interface Runtime {
  database: Database;
  /** Defined, not yet started: call `jobs.start()` once the process is ready to serve. */
  jobs: JobQueue;
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, loads the demo municipalities into an empty one and prepares
 * the job queue: the same start for the server and the CLI. The server starts the queue after it
 * listens, so that pg-boss's own start does not delay the first page.
 */
export async function startRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    if (config.demoData) await loadDemoIfEmpty(database);
    const jobs = createJobQueue(database);
    return {
      database,
      jobs,
      async close() {
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
