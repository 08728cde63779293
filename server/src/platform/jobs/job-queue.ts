import PgBoss from 'pg-boss';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../database/connection.ts';
import { inTenant, type Actor } from '../database/tenant-scope.ts';
import { jobRuns } from './tables.ts';

/** What a job's handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  actor: Actor;
  /** The database, for `inTenant(context.database.db, context.actor, …)`. */
  database: Database;
  /** Records progress for the UI; cheap enough to call every few hundred rows. */
  reportProgress(done: number, total?: number): Promise<void>;
}

/** A kind of background work: an id, a payload schema and a handler (Documenso's shape). */
export interface JobDefinition<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  handle(payload: Payload, context: JobContext): Promise<unknown>;
}

interface Envelope {
  actor: Actor;
  payload: unknown;
  /** False for fine-grained work that keeps its own state (no job_runs row). */
  tracked?: boolean;
}

/** How a job is retried, and whether it gets a job_runs row for the UI to poll. */
export interface SendOptions {
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time with `retryBackoff`. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Default true. Work that records its own state (e.g. provisioning operations) sends false. */
  track?: boolean;
}

/**
 * One job abstraction on pg-boss, on both databases. On PGlite every query waits for the open
 * transaction, so send jobs after the transaction that decided them, never from inside it.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private started = false;

  constructor(readonly database: Database) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      schema: 'pgboss',
      // PGlite is one process; polling it often costs the requests.
      ...(database.kind === 'pglite' ? { monitorStateIntervalSeconds: 60, maintenanceIntervalSeconds: 120 } : {}),
    });
    this.boss.on('error', (error) => console.error('job queue error', error));
  }

  private get db(): Executor {
    return this.database.db;
  }

  define<Payload>(definition: JobDefinition<Payload>): void {
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  /** Resolves once the queue can take work; `send` waits for it, so a start in the background is safe. */
  private ready: Promise<void> | undefined;

  start(options: { work?: boolean } = {}): Promise<void> {
    this.ready ??= this.startQueue(options);
    return this.ready;
  }

  private async startQueue({ work = true }: { work?: boolean }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const definition of this.definitions.values()) {
      await this.boss.createQueue(definition.name);
      if (work) {
        await this.boss.work<Envelope>(definition.name, { pollingIntervalSeconds: 1 }, async ([job]) => {
          if (job) await this.run(definition, job.id, job.data);
        });
      }
    }
  }

  async stop(): Promise<void> {
    await this.ready?.catch(() => undefined);
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
    this.ready = undefined;
  }

  /** Queues work for a tenant and returns the id the UI polls with `status`. */
  async send<Payload>(definition: JobDefinition<Payload>, actor: Actor, payload: Payload, options: SendOptions = {}): Promise<string> {
    if (!this.ready) throw new Error('The job queue has not been started.');
    await this.ready;
    const parsed = definition.payload.parse(payload);
    const id = crypto.randomUUID();
    const tracked = options.track ?? true;
    if (tracked) {
      await inTenant(this.db, actor, (tx) =>
        tx.insert(jobRuns).values({ id, tenantId: actor.tenantId, kind: definition.name, startedBy: actor.actorName }),
      );
    }
    await this.boss.send(definition.name, { actor, payload: parsed, ...(tracked ? {} : { tracked }) } satisfies Envelope, {
      id,
      retryLimit: options.retryLimit ?? 3,
      retryBackoff: options.retryBackoff ?? true,
      ...(options.retryDelay === undefined ? {} : { retryDelay: options.retryDelay }),
    });
    return id;
  }

  status(actor: Actor, id: string) {
    return inTenant(this.db, actor, async (tx) => (await tx.select().from(jobRuns).where(eq(jobRuns.id, id)))[0]);
  }

  private async run(definition: JobDefinition<unknown>, jobId: string, envelope: Envelope): Promise<void> {
    const { actor } = envelope;
    const update = async (values: Partial<typeof jobRuns.$inferInsert>) => {
      if (envelope.tracked === false) return;
      await inTenant(this.db, actor, (tx) => tx.update(jobRuns).set(values).where(eq(jobRuns.id, jobId)));
    };
    await update({ state: 'running', error: null });
    try {
      const result = await definition.handle(definition.payload.parse(envelope.payload), {
        jobId,
        actor,
        database: this.database,
        reportProgress: async (done, total) => {
          await update({ progressDone: done, ...(total === undefined ? {} : { progressTotal: total }) });
        },
      });
      await update({ state: 'completed', result: (result ?? null) as never, finishedAt: new Date() });
    } catch (error) {
      await update({ state: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: new Date() });
      throw error;
    }
  }
}
