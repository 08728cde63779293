/** A full recompute [full omberegning] as a background job with progress and a run record. */
import { z } from 'zod';
import { clock } from '../../platform/clock.ts';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import { dispatch, queueFor } from './provisioning-port.ts';
import { recomputeInTransaction } from './recompute.ts';
import { failRun, finishRun, startRun } from './runs.ts';

const payload = z.object({});

export const recomputeAllJob: JobDefinition<z.infer<typeof payload>> = {
  name: 'access-recompute-all',
  payload,
  async handle(_payload, context) {
    const { db } = context.database;
    const runId = await inTenant(db, context.actor, (tx) => startRun(tx, context.actor, 'full', context.jobId));
    const startedAt = performance.now();
    try {
      const outcome = await inTenant(db, context.actor, async (tx) => {
        const result = await recomputeInTransaction(tx, {
          today: clock.today(),
          personIds: null,
          origin: 'full_recompute',
          // On PGlite a progress write would wait for this transaction; report after it instead.
          progress: context.database.kind === 'pglite' ? undefined : (done, total) => context.reportProgress(done, total),
        });
        await finishRun(tx, runId, result, startedAt);
        return result;
      });
      await context.reportProgress(outcome.peopleCount, outcome.peopleCount);
      await dispatch(queueFor(db), context.actor, outcome.batch?.batchId ?? null);
      return { runId, people: outcome.peopleCount, ...outcome.counts, batch: outcome.batch };
    } catch (error) {
      await inTenant(db, context.actor, (tx) => failRun(tx, runId, error instanceof Error ? error.message : String(error)));
      throw error;
    }
  },
};
