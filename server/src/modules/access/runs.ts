/** The record of each recompute [omberegning]: what it found and what it changed. */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import type { RecomputeOutcome } from './recompute.ts';
import { accessRecomputeRuns } from './tables.ts';

export async function startRun(tx: Executor, actor: Actor, kind: 'full' | 'people', jobRunId: string | null): Promise<string> {
  const [run] = await tx
    .insert(accessRecomputeRuns)
    .values({ tenantId: actor.tenantId, kind, actorName: actor.actorName, jobRunId })
    .returning({ id: accessRecomputeRuns.id });
  return run!.id;
}

export async function finishRun(tx: Executor, runId: string, outcome: RecomputeOutcome, startedAt: number): Promise<void> {
  await tx
    .update(accessRecomputeRuns)
    .set({
      state: 'done',
      peopleCount: outcome.peopleCount,
      entitlementCount: outcome.counts.entitlements,
      heldCount: outcome.counts.held,
      grantCount: outcome.counts.grant,
      revokeCount: outcome.counts.revoke,
      reasonChangeCount: outcome.counts.reasonChange,
      batchId: outcome.batch?.batchId ?? null,
      batchState: outcome.batch?.state ?? null,
      durationMs: Math.round(performance.now() - startedAt),
      finishedAt: new Date(),
    })
    .where(eq(accessRecomputeRuns.id, runId));
}

export async function failRun(tx: Executor, runId: string, error: string): Promise<void> {
  await tx.update(accessRecomputeRuns).set({ state: 'failed', error, finishedAt: new Date() }).where(eq(accessRecomputeRuns.id, runId));
}

export async function listRuns(tx: Executor, limit = 50) {
  return tx.select().from(accessRecomputeRuns).orderBy(desc(accessRecomputeRuns.startedAt)).limit(limit);
}
