import type { Database } from '../platform/database/connection.ts';
import { JobQueue, type JobDefinition } from '../platform/jobs/job-queue.ts';
import { recomputeAllJob } from './access/recompute-job.ts';
import { recomputePeopleJob } from './access/recompute-people.ts';
import { dailyLifecycleJob } from './identity/lifecycle.ts';
import { hrApplyJob } from './identity/hr-import.ts';
import { processReviewReminderJob } from './processes/review-reminder-job.ts';
import { reconcileJob } from './provisioning/reconciliation.ts';
import { provisioningWorkJob } from './provisioning/work-job.ts';
import { importJob } from './transfer/import-job.ts';

/** Every module's background jobs. A new module adds its definitions here. */
export const jobDefinitions: JobDefinition<never>[] = [
  importJob as JobDefinition<never>,
  recomputeAllJob as JobDefinition<never>,
  recomputePeopleJob as JobDefinition<never>,
  provisioningWorkJob as JobDefinition<never>,
  reconcileJob as JobDefinition<never>,
  hrApplyJob as JobDefinition<never>,
  dailyLifecycleJob as JobDefinition<never>,
  processReviewReminderJob as JobDefinition<never>,
];

/** A job queue on the database with every module's jobs defined (not yet started). */
export function createJobQueue(database: Database): JobQueue {
  const jobs = new JobQueue(database);
  for (const definition of jobDefinitions) jobs.define(definition);
  return jobs;
}
