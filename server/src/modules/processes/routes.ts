import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scheduleDailyPerTenant } from '../../platform/jobs/daily-per-tenant.ts';
import { processReviewReminderJob } from './review-reminder-job.ts';
import { z } from 'zod';
import { asCaller } from '../auth/request-context.ts';
import { can } from '../auth/permissions.ts';
import { exportBpmn, importBpmnProcess } from './import.ts';
import {
  addComment,
  confirmReview,
  createProcess,
  deleteProcess,
  diffVersion,
  getProcess,
  getVersion,
  lintVersion,
  listProcesses,
  listReminders,
  listRules,
  openDraft,
  retireProcess,
  saveVersion,
  setProcessServices,
  transition,
  updateProcess,
  updateRules,
} from './queries.ts';
import * as schemas from './schemas.ts';
import type { GovernanceAction } from './governance/states.ts';

const tags = ['Prosesser'];
const bpmnBodyLimit = 12 * 1024 * 1024;

/** Processes [prosesser]: hierarchy, versions with their BPMN, links, the modelling standard, governance. */
export const processRoutes: FastifyPluginAsyncZod = async (app) => {
  scheduleDailyPerTenant(app, {
    job: processReviewReminderJob,
    actorName: 'Prosessgjennomgang (daglig)',
    firstCheckAfterMs: 2 * 60 * 1000,
    switchedOffBy: 'GRUNNMUR_PROCESS_REMINDERS_DAILY',
  });

  app.get(
    '/processes',
    { schema: { tags, summary: 'The process hierarchy', response: { 200: schemas.processList } } },
    (request) => asCaller(request, 'processes:read', (tx) => listProcesses(tx)),
  );

  app.get(
    '/processes/:id',
    { schema: { tags, summary: 'One process with its versions', params: schemas.idParams, response: { 200: schemas.processDetail } } },
    (request) => asCaller(request, 'processes:read', (tx) => getProcess(tx, request.params.id)),
  );

  app.post(
    '/processes',
    { schema: { tags, summary: 'Create an area, process or sub-process', body: schemas.processInput, response: { 201: schemas.processDetail } } },
    async (request, reply) => {
      const detail = await asCaller(request, 'processes:write', async (tx, auth) => getProcess(tx, await createProcess(tx, auth.actor, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.put(
    '/processes/:id',
    { schema: { tags, summary: 'Change name, purpose, owner or place in the hierarchy', params: schemas.idParams, body: schemas.processInput, response: { 200: schemas.processDetail } } },
    (request) =>
      asCaller(request, 'processes:write', async (tx) => {
        await updateProcess(tx, request.params.id, request.body);
        return getProcess(tx, request.params.id);
      }),
  );

  app.put(
    '/processes/:id/services',
    { schema: { tags, summary: 'Set the services delivered through the process', params: schemas.idParams, body: schemas.processServicesInput, response: { 200: schemas.processDetail } } },
    (request) =>
      asCaller(request, 'processes:write', async (tx, auth) => {
        await setProcessServices(tx, auth.tenant.id, request.params.id, request.body.serviceIds);
        return getProcess(tx, request.params.id);
      }),
  );

  app.delete(
    '/processes/:id',
    { schema: { tags, summary: 'Delete a process that was never published', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'processes:write', (tx) => deleteProcess(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/processes/import',
    { bodyLimit: bpmnBodyLimit, schema: { tags, summary: 'Import a BPMN 2.0 file as a draft', body: schemas.importInput, response: { 201: schemas.importResult } } },
    async (request, reply) => {
      const result = await asCaller(request, 'processes:write', (tx, auth) => importBpmnProcess(tx, auth.actor, request.body));
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/processes/:id/drafts',
    { schema: { tags, summary: 'The draft to edit: the open one, or a new one from the published version', params: schemas.idParams, response: { 200: z.object({ versionId: z.uuid(), created: z.boolean() }) } } },
    (request) => asCaller(request, 'processes:write', (tx, auth) => openDraft(tx, auth.actor, request.params.id)),
  );

  app.post(
    '/processes/:id/retire',
    { schema: { tags, summary: 'Retire the published version', params: schemas.idParams, response: { 200: z.object({ state: z.string() }) } } },
    (request) => asCaller(request, 'processes:approve', (tx, auth) => retireProcess(tx, auth.actor, request.params.id)),
  );

  app.post(
    '/processes/:id/confirm-review',
    { schema: { tags, summary: 'Confirm the published process is still right (yearly review)', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'processes:write', (tx) => confirmReview(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/process-versions/:id',
    { schema: { tags, summary: 'One version: BPMN XML, links, comments', params: schemas.idParams, response: { 200: schemas.versionDetail } } },
    (request) => asCaller(request, 'processes:read', (tx, auth) => getVersion(tx, request.params.id, can(auth.user.roles, 'processes:write'))),
  );

  app.put(
    '/process-versions/:id',
    { bodyLimit: bpmnBodyLimit, schema: { tags, summary: 'Save a draft: diagram and links', params: schemas.idParams, body: schemas.versionSave, response: { 200: schemas.versionDetail } } },
    (request) =>
      asCaller(request, 'processes:write', async (tx, auth) => {
        await saveVersion(tx, auth.actor, request.params.id, request.body);
        return getVersion(tx, request.params.id, true);
      }),
  );

  app.get(
    '/process-versions/:id/bpmn',
    { schema: { tags, summary: 'Export the version as a BPMN 2.0 file', params: schemas.idParams, response: { 200: z.string() } } },
    async (request, reply) => {
      const file = await asCaller(request, 'processes:read', async (tx, auth) => {
        await getVersion(tx, request.params.id, can(auth.user.roles, 'processes:write'));
        return exportBpmn(tx, request.params.id);
      });
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.xml);
    },
  );

  app.get(
    '/process-versions/:id/lint',
    { schema: { tags, summary: 'Findings of the modelling standard', params: schemas.idParams, response: { 200: z.object({ items: z.array(schemas.lintFinding) }) } } },
    async (request) => ({ items: await asCaller(request, 'processes:write', (tx) => lintVersion(tx, request.params.id)) }),
  );

  app.get(
    '/process-versions/:id/diff',
    { schema: { tags, summary: 'What changed since another (by default the previous) version', params: schemas.idParams, querystring: schemas.diffQuery, response: { 200: schemas.versionDiff } } },
    (request) => asCaller(request, 'processes:read', (tx) => diffVersion(tx, request.params.id, request.query.against)),
  );

  app.post(
    '/process-versions/:id/comments',
    { schema: { tags, summary: 'Comment on a version in review', params: schemas.idParams, body: schemas.commentInput, response: { 201: schemas.versionDetail } } },
    async (request, reply) => {
      const detail = await asCaller(request, 'processes:write', async (tx, auth) => {
        await addComment(tx, auth.actor, request.params.id, request.body);
        return getVersion(tx, request.params.id, true);
      });
      return reply.status(201).send(detail);
    },
  );

  const governed: { path: string; action: GovernanceAction; permission: 'processes:write' | 'processes:approve'; summary: string }[] = [
    { path: 'submit', action: 'submit', permission: 'processes:write', summary: 'Send a draft to review (the modelling standard must have no errors)' },
    { path: 'return', action: 'return', permission: 'processes:approve', summary: 'Send a version in review back to draft' },
    { path: 'approve', action: 'approve', permission: 'processes:approve', summary: 'Approve a version in review (not its author)' },
    { path: 'publish', action: 'publish', permission: 'processes:approve', summary: 'Publish an approved version' },
  ];
  for (const { path, action, permission, summary } of governed) {
    app.post(
      `/process-versions/:id/${path}`,
      { schema: { tags, summary, params: schemas.idParams, body: schemas.returnInput.nullish(), response: { 200: schemas.versionDetail } } },
      (request) =>
        asCaller(request, permission, async (tx, auth) => {
          await transition(tx, auth.actor, request.params.id, action, request.body?.comment);
          return getVersion(tx, request.params.id, true);
        }),
    );
  }

  app.get(
    '/process-modelling-rules',
    { schema: { tags, summary: 'The modelling standard and this municipality’s level for each rule', response: { 200: schemas.modellingRules } } },
    (request) => asCaller(request, 'processes:read', (tx) => listRules(tx)),
  );

  app.put(
    '/process-modelling-rules',
    { schema: { tags, summary: 'Set rules to off, warn or error', body: schemas.modellingRulesUpdate, response: { 200: schemas.modellingRules } } },
    (request) => asCaller(request, 'processes:approve', (tx, auth) => updateRules(tx, auth.actor, request.body.levels)),
  );

  app.get(
    '/process-reminders',
    { schema: { tags, summary: 'Open yearly-review notices: mine, or all for approvers', response: { 200: schemas.reminderList } } },
    (request) =>
      asCaller(request, 'processes:read', (tx, auth) => listReminders(tx, auth.user.personId, can(auth.user.roles, 'processes:approve') && auth.user.roles.includes('admin'))),
  );
};
