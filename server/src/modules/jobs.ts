import type { JobDefinition } from '../platform/jobs/job-queue.ts';

/** Every module's background jobs. A new module adds its definitions here. */
export const jobDefinitions: JobDefinition<never>[] = [];
