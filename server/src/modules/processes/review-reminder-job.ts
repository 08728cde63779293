import { z } from 'zod';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import { remindOverdueReviews } from './queries.ts';

/**
 * The daily yearly-review check for one municipality (the actor's tenant): a notice to the owner of
 * every published process not reviewed for 12 months.
 */
export const processReviewReminderJob: JobDefinition<{ now?: string }> = {
  name: 'processes.review-reminders',
  payload: z.object({ now: z.string().optional() }),
  async handle(payload, context) {
    const now = payload.now ? new Date(payload.now) : new Date();
    const created = await inTenant(context.database.db, context.actor, (tx) => remindOverdueReviews(tx, context.actor, now));
    return { created };
  },
};
