import type { FastifyInstance } from 'fastify';
import { clock } from '../clock.ts';
import { systemActor } from '../database/tenant-scope.ts';
import { tenants } from '../../modules/tenants/tables.ts';
import type { JobDefinition } from './job-queue.ts';

export interface DailyPerTenant<Payload> {
  /** Sent with an empty payload: the job works out what is due itself. */
  job: JobDefinition<Payload>;
  /** Who the audit log says did the work. */
  actorName: string;
  /** The first check comes this long after the server starts listening, so the start stays fast. */
  firstCheckAfterMs: number;
  /** An environment variable that, set to `off`, turns the schedule off (benchmarks, demos). */
  switchedOffBy: string;
}

/**
 * Sends a job once a day for each municipality, as a cron would: an hourly tick (the clock may be
 * set) checks whether today's run was sent. Only while the server listens: tests that use `inject`
 * call the job's work directly. Several instances each send it; the jobs are idempotent per day.
 */
export function scheduleDailyPerTenant<Payload extends object>(app: FastifyInstance, schedule: DailyPerTenant<Payload>): void {
  const sentFor = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const today = clock.today();
    for (const tenant of await app.db.select({ id: tenants.id }).from(tenants)) {
      if (sentFor.get(tenant.id) === today) continue;
      sentFor.set(tenant.id, today);
      await app.jobs.send(schedule.job, systemActor(tenant.id, schedule.actorName), {} as Payload);
    }
  };
  app.addHook('onListen', async () => {
    if (process.env[schedule.switchedOffBy] === 'off') return;
    const run = () => void tick().catch((error: unknown) => app.log.error({ err: error, job: schedule.job.name }, 'daily job could not be sent'));
    timer = setTimeout(function again() {
      run();
      timer = setTimeout(again, 60 * 60 * 1000).unref();
    }, schedule.firstCheckAfterMs).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearTimeout(timer);
  });
}
