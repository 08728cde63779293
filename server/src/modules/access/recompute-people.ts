/**
 * Incremental recompute: when something about a few people changes (a mover, a leaver, an approved
 * request, a new competence), their desired access is computed again and the difference queued for
 * provisioning. Other modules call `recomputePeople` inside their own flow, or `requestRecompute`
 * after their transaction has committed.
 */
import { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { clock } from '../../platform/clock.ts';
import type { JobDefinition, JobQueue } from '../../platform/jobs/job-queue.ts';
import { dispatch, queueFor, rememberQueue } from './provisioning-port.ts';
import { recomputeInTransaction } from './recompute.ts';
import { finishRun, startRun } from './runs.ts';

const payload = z.object({ personIds: z.array(z.uuid()).max(10_000), source: z.literal('scim').optional() });
type Source = z.infer<typeof payload>['source'];

export const recomputePeopleJob: JobDefinition<{ personIds: string[]; source?: Source }> = {
  name: 'access-recompute-people',
  payload,
  async handle({ personIds, source }, context) {
    const { batchId } = await recomputePeople(context.database.db, context.actor, personIds, { source });
    await dispatch(queueFor(context.database.db), context.actor, batchId);
    return { people: personIds.length, batchId };
  },
};

/** Queues an incremental recompute. Call after your transaction has committed. */
export async function requestRecompute(jobs: JobQueue, actor: Actor, personIds: string[], options: { source?: Source } = {}): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  await jobs.send(recomputePeopleJob, actor, { personIds: unique, ...(options.source ? { source: options.source } : {}) });
}

/**
 * Recomputes these people now: engine → difference with desired_entitlements → write →
 * submitEntitlementChanges, in one tenant transaction (a savepoint inside the caller's, if `db` is
 * one). The caller dispatches the returned batch after commit (`dispatchBatch`).
 */
export async function recomputePeople(db: Executor, actor: Actor, personIds: string[], options: { source?: Source } = {}): Promise<{ batchId: string | null }> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return { batchId: null };
  const startedAt = performance.now();
  return inTenant(db, actor, async (tx) => {
    const outcome = await recomputeInTransaction(tx, { today: clock.today(), personIds: unique, origin: 'person_event', source: options.source });
    const { grant, revoke, reasonChange } = outcome.counts;
    // An event that changed nothing leaves no run record; the run list shows decisions, not noise.
    if (grant + revoke + reasonChange > 0) await finishRun(tx, await startRun(tx, actor, 'people', null), outcome, startedAt);
    return { batchId: outcome.batch?.batchId ?? null };
  });
}

export { rememberQueue };
