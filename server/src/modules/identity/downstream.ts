/**
 * What the lifecycle module tells the modules downstream of it, after its own writes:
 * the access module recomputes the affected people; provisioning renames their accounts.
 */
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { dispatch, queueFor } from '../access/provisioning-port.ts';
import { recomputePeople, requestRecompute } from '../access/recompute-people.ts';
import { submitAccountUpdates } from '../provisioning/submit-changes.ts';

/** The access module's recompute job takes a bounded list; a 50,000-person HR run is sent in slices. */
const slice = 5000;

/** Sends the access module's recompute job for these people. Call it after the transaction committed. */
export async function recomputeAfterCommit(jobs: JobQueue | undefined, actor: Actor, personIds: readonly string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  if (!jobs) return;
  for (let start = 0; start < unique.length; start += slice) await requestRecompute(jobs, actor, unique.slice(start, start + slice));
}

/**
 * Recomputes these people now, for work that already runs in the background (a job handler gets
 * the database, not the queue), and dispatches the resulting provisioning batch. After commit.
 */
export async function recomputeNow(db: Executor, actor: Actor, personIds: readonly string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  for (let start = 0; start < unique.length; start += slice) {
    const { batchId } = await recomputePeople(db, actor, unique.slice(start, start + slice));
    await dispatch(queueFor(db), actor, batchId);
  }
}

/** Inside the transaction that renamed them: the provisioning module queues account updates. */
export async function accountUpdatesInTransaction(tx: Executor, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await submitAccountUpdates(tx, [...new Set(personIds)]);
}
