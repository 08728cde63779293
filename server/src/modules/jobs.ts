import type { JobDefinition } from '../platform/jobs/job-queue.ts';
import { importJob } from './transfer/import-job.ts';

/** Every module's background jobs. A new module adds its definitions here. */
export const jobDefinitions: JobDefinition<never>[] = [importJob as JobDefinition<never>];
