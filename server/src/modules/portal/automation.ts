import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { processes } from '../processes/tables.ts';
import { rankByHours } from './rules/automation.ts';
import { automationAssessments } from './tables.ts';

/** Processes with an automation assessment, ranked by hours a year the automation would free. */
export async function automationRanking(tx: Executor) {
  const rows = await tx
    .select({
      processId: processes.id,
      name: processes.name,
      occurrencesPerYear: automationAssessments.occurrencesPerYear,
      minutesEach: automationAssessments.minutesEach,
      automationDegree: automationAssessments.automationDegree,
      assessment: automationAssessments.assessment,
    })
    .from(automationAssessments)
    .innerJoin(processes, eq(processes.id, automationAssessments.processId));
  const ranked = rankByHours(rows.map((row) => ({ ...row, minutesEach: Number(row.minutesEach) })));
  return { items: ranked, totalHoursPerYear: Math.round(ranked.reduce((sum, row) => sum + row.hoursPerYear, 0) * 10) / 10 };
}

export async function saveAssessment(
  tx: Executor,
  actor: Actor,
  processId: string,
  input: { occurrencesPerYear: number; minutesEach: number; automationDegree: number; assessment: string },
) {
  const [process] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId));
  if (!process) throw notFound('prosessen');
  await tx
    .insert(automationAssessments)
    .values({ tenantId: actor.tenantId, processId, ...input, assessedBy: actor.actorName })
    .onConflictDoUpdate({
      target: [automationAssessments.tenantId, automationAssessments.processId],
      set: { ...input, assessedBy: actor.actorName, updatedAt: sql`now()` },
    });
}
