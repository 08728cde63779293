import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor } from '../../platform/database/tenant-scope.ts';
import { asCaller, authorize } from '../auth/request-context.ts';
import * as queries from './queries.ts';
import * as schemas from './schemas.ts';
import { getRun, reconciliationSummary, resolveFinding, startReconciliation } from './reconciliation.ts';
import { dispatchBatch, dispatchPending } from './submit-changes.ts';

const tags = ['Provisjonering'];

/** Dates become ISO strings, as the response schemas say. */
const present = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Work queued inside another module's transaction (name changes) has nobody to send it after the
 * commit; every two minutes each server sends what has waited in 'queued' for that long.
 */
function sweepQueuedWork(app: FastifyInstance) {
  let timer: NodeJS.Timeout | undefined;
  const sweep = async () => {
    const result = await app.db.execute(sql`select distinct tenant_id::text as tenant from provisioning_operations where state = 'queued' and updated_at < now() - interval '2 minutes'`);
    for (const { tenant } of (result as unknown as { rows: { tenant: string }[] }).rows) {
      await dispatchPending(app.jobs, systemActor(tenant, 'Provisjonering (oppsamling)'), 120);
    }
  };
  app.addHook('onListen', async () => {
    if (process.env.GRUNNMUR_PROVISIONING_SWEEP === 'off') return;
    timer = setInterval(() => void sweep().catch((error: unknown) => app.log.error({ err: error }, 'provisioning sweep failed')), 120_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

/** Provisioning [provisjonering]: the work queue, held batches, manual tasks and connectors. */
export const provisioningRoutes: FastifyPluginAsyncZod = async (app) => {
  sweepQueuedWork(app);
  app.get(
    '/provisioning/overview',
    { schema: { tags, summary: 'Operations by state and held batches', response: { 200: schemas.overview } } },
    (request) => asCaller(request, 'provisioning:read', (tx) => queries.overview(tx)),
  );

  app.get(
    '/provisioning/operations',
    { schema: { tags, summary: 'Provisioning operations, newest first', querystring: schemas.operationQuery, response: { 200: schemas.operationPage } } },
    async (request) => present(await asCaller(request, 'provisioning:read', (tx) => queries.listOperations(tx, request.query))) as never,
  );

  app.post(
    '/provisioning/operations/:id/retry',
    { schema: { tags, summary: 'Put a failed operation back in the queue', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { batchId, actor } = await asCaller(request, 'provisioning:operate', async (tx, auth) => ({ batchId: await queries.retryOperation(tx, request.params.id), actor: auth.actor }));
      await dispatchBatch(app.jobs, actor, batchId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/provisioning/batches',
    { schema: { tags, summary: 'Provisioning batches (held ones wait for approval)', querystring: schemas.batchQuery, response: { 200: z.object({ items: z.array(schemas.batch) }) } } },
    async (request) => present({ items: await asCaller(request, 'provisioning:read', (tx) => queries.listBatches(tx, request.query.state)) }) as never,
  );

  app.get(
    '/provisioning/batches/:id',
    { schema: { tags, summary: 'A batch with exactly what it does', params: schemas.idParams, response: { 200: schemas.batchDetail } } },
    async (request) => present(await asCaller(request, 'provisioning:read', (tx) => queries.getBatch(tx, request.params.id))) as never,
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/provisioning/batches/:id/${decision}`,
      { schema: { tags, summary: decision === 'approve' ? 'Approve a held batch: its work is queued' : 'Reject a held batch: its work is discarded', params: schemas.idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = await asCaller(request, 'provisioning:approve', async (tx, auth) => {
          await queries.decideBatch(tx, request.params.id, decision, auth.actor.actorName);
          return auth.actor;
        });
        if (decision === 'approve') await dispatchBatch(app.jobs, actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    '/provisioning/manual-tasks',
    { schema: { tags, summary: 'Open manual tasks for system administrators', querystring: schemas.manualTaskQuery, response: { 200: z.object({ items: z.array(schemas.operation) }) } } },
    async (request) => present({ items: await asCaller(request, 'provisioning:read', (tx) => queries.manualTasks(tx, request.query.systemId)) }) as never,
  );

  app.get(
    '/provisioning/manual-tasks.csv',
    { schema: { tags, summary: 'Open manual tasks as CSV', querystring: schemas.manualTaskQuery } },
    async (request, reply) => {
      const csv = await asCaller(request, 'provisioning:read', (tx) => queries.manualTasksCsv(tx, request.query.systemId));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="manuelle-oppgaver.csv"')
        .send(`\uFEFF${csv}`);
    },
  );

  app.post(
    '/provisioning/manual-tasks/:id/complete',
    { schema: { tags, summary: 'Tick off a manual task as done', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'provisioning:operate', (tx, auth) => queries.completeManualTask(tx, request.params.id, auth.actor.actorName));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/provisioning/connectors',
    { schema: { tags, summary: 'Every system with its connector (secrets are never returned)', response: { 200: z.object({ items: z.array(schemas.connector) }) } } },
    async (request) => ({ items: await asCaller(request, 'provisioning:read', (tx) => queries.listConnectors(tx)) }),
  );

  app.put(
    '/provisioning/connectors/:systemId',
    { schema: { tags, summary: "Set a system's connector", params: schemas.systemParams, body: schemas.connectorInput, response: { 200: schemas.connector } } },
    (request) => asCaller(request, 'provisioning:configure', (tx, auth) => queries.saveConnector(tx, auth.tenant.id, request.params.systemId, request.body)),
  );

  app.get(
    '/provisioning/settings',
    { schema: { tags, summary: 'The mass-removal threshold', response: { 200: schemas.settings } } },
    (request) => asCaller(request, 'provisioning:read', (tx) => queries.getSettings(tx)),
  );

  app.put(
    '/provisioning/settings',
    { schema: { tags, summary: 'Set the mass-removal threshold', body: schemas.settings, response: { 200: schemas.settings } } },
    (request) => asCaller(request, 'provisioning:configure', (tx, auth) => queries.saveSettings(tx, auth.tenant.id, request.body)),
  );

  app.get(
    '/provisioning/reconciliation',
    { schema: { tags, summary: 'The latest reconciliation of each system', response: { 200: z.object({ items: z.array(schemas.reconciliationRun) }) } } },
    async (request) => present({ items: await asCaller(request, 'provisioning:read', (tx) => reconciliationSummary(tx)) }) as never,
  );

  app.post(
    '/provisioning/reconciliation/:systemId',
    {
      bodyLimit: 25 * 1024 * 1024,
      schema: { tags, summary: "Read a system's actual accounts (connector, or an uploaded CSV) and compare", params: schemas.systemParams, body: schemas.reconciliationStart, response: { 202: z.object({ runId: z.string(), jobId: z.string() }) } },
    },
    async (request, reply) => {
      const { actor } = authorize(request, 'provisioning:operate');
      return reply.status(202).send(await startReconciliation(app.jobs, actor, request.params.systemId, request.body.csv));
    },
  );

  app.get(
    '/provisioning/reconciliation/runs/:id',
    { schema: { tags, summary: 'One reconciliation with its findings', params: schemas.idParams, response: { 200: schemas.reconciliationDetail } } },
    async (request) => present(await asCaller(request, 'provisioning:read', (tx) => getRun(tx, request.params.id))) as never,
  );

  app.post(
    '/provisioning/reconciliation/findings/:id/resolve',
    { schema: { tags, summary: 'Act on a finding: provision, revoke/disable, link to a person, or ignore', params: schemas.idParams, body: schemas.findingResolve, response: { 204: z.null() } } },
    async (request, reply) => {
      const { batchId, actor } = await asCaller(request, 'provisioning:operate', async (tx, auth) => ({
        batchId: await resolveFinding(tx, auth.tenant.id, request.params.id, request.body.action, auth.actor.actorName, request.body.personId),
        actor: auth.actor,
      }));
      if (batchId) await dispatchBatch(app.jobs, actor, batchId);
      return reply.status(204).send(null);
    },
  );
};
