/**
 * Where the access engine hands its differences to provisioning (the contract's
 * `submitEntitlementChanges` in the caller's transaction, `dispatchBatch` after commit), and the
 * job queue a job handler dispatches with.
 */
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { dispatchBatch, submitEntitlementChanges, type EntitlementChange, type SubmittedBatch } from '../provisioning/submit-changes.ts';

export type { EntitlementChange, SubmittedBatch };
export type SubmitOrigin = 'full_recompute' | 'person_event';

export async function submitChanges(tx: Executor, origin: SubmitOrigin, changes: EntitlementChange[], source?: 'scim'): Promise<SubmittedBatch> {
  if (changes.length === 0) return null;
  return submitEntitlementChanges(tx, { origin, changes, source });
}

export async function dispatch(jobs: JobQueue | undefined, actor: Actor, batchId: string | null): Promise<void> {
  if (!batchId || !jobs) return;
  await dispatchBatch(jobs, actor, batchId);
}

/** The queue of each database, so that a job handler (which gets only the database) can dispatch. */
const queues = new WeakMap<object, JobQueue>();
export function rememberQueue(db: Executor, jobs: JobQueue): void {
  queues.set(db, jobs);
}
export function queueFor(db: Executor): JobQueue | undefined {
  return queues.get(db);
}
