import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { asCaller, authorize, requireAuth, type AuthContext } from '../auth/request-context.ts';
import { can, type Permission } from '../auth/permissions.ts';
import { getPersonEntitlements } from './entitlements.ts';
import { dispatch, rememberQueue } from './provisioning-port.ts';
import * as queries from './queries.ts';
import { recomputeInTransaction } from './recompute.ts';
import { recomputeAllJob } from './recompute-job.ts';
import { finishRun, listRuns, startRun } from './runs.ts';
import * as schemas from './schemas.ts';

const tags = ['Tilgang'];
const noContent = { 204: z.null() };

/** The role model, "why does Kari have this", and recompute: auth → validate → authorize → command → present. */
export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  rememberQueue(app.db, app.jobs);

  /** A change to the role model: written as the caller, then a full recompute is queued after commit. */
  async function changeModel<T>(request: FastifyRequest, work: (tx: Executor, auth: AuthContext) => Promise<T>): Promise<T> {
    const auth = authorize(request, 'access:write');
    const result = await inTenant(app.db, auth.actor, (tx) => work(tx, auth));
    await app.jobs.send(recomputeAllJob, auth.actor, {});
    return result;
  }

  /** A change to one person: written and recomputed for them in one transaction, dispatched after. */
  async function changePerson<T>(request: FastifyRequest, personId: string, work: (tx: Executor, auth: AuthContext) => Promise<T>): Promise<T> {
    const auth = authorize(request, 'access:write');
    const startedAt = performance.now();
    const { result, batchId } = await inTenant(app.db, auth.actor, async (tx) => {
      const result = await work(tx, auth);
      const outcome = await recomputeInTransaction(tx, { today: clock.today(), personIds: [personId], origin: 'person_event' });
      const { grant, revoke, reasonChange } = outcome.counts;
      if (grant + revoke + reasonChange > 0) await finishRun(tx, await startRun(tx, auth.actor, 'people', null), outcome, startedAt);
      return { result, batchId: outcome.batch?.batchId ?? null };
    });
    await dispatch(app.jobs, auth.actor, batchId);
    return result;
  }

  // ---- System roles ----
  app.get(
    '/access/system-roles',
    { schema: { tags, summary: 'System roles, of one system or all', querystring: schemas.systemRoleListQuery, response: { 200: schemas.systemRoleList } } },
    (request) => asCaller(request, 'access:read', (tx) => queries.listSystemRoles(tx, request.query)),
  );
  app.post(
    '/access/system-roles',
    { schema: { tags, summary: 'Add a system role to a system', body: schemas.systemRoleInput, response: { 201: schemas.systemRole } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, 'access:write', (tx, auth) => queries.createSystemRole(tx, auth.tenant.id, request.body))),
  );
  app.put(
    '/access/system-roles/:id',
    { schema: { tags, summary: 'Change a system role', params: schemas.idParams, body: schemas.systemRoleInput, response: { 200: schemas.systemRole } } },
    (request) => changeModel(request, (tx) => queries.updateSystemRole(tx, request.params.id, request.body)),
  );
  app.delete(
    '/access/system-roles/:id',
    { schema: { tags, summary: 'Remove a system role', params: schemas.idParams, response: noContent } },
    async (request, reply) => {
      await changeModel(request, (tx) => queries.deleteSystemRole(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  // ---- Business roles ----
  app.get(
    '/access/business-roles',
    {
      schema: { tags, summary: 'Business roles; requestable=true gives the catalogue people ask from', querystring: schemas.businessRoleListQuery, response: { 200: schemas.businessRoleList } },
    },
    (request) => asCaller(request, 'access:read', (tx) => queries.listBusinessRoles(tx, request.query)),
  );
  app.get(
    '/access/business-roles/:id',
    { schema: { tags, summary: 'One business role with its system roles, rules and required competences', params: schemas.idParams, response: { 200: schemas.businessRoleDetail } } },
    (request) => asCaller(request, 'access:read', (tx) => queries.getBusinessRole(tx, request.params.id)),
  );
  app.post(
    '/access/business-roles',
    { schema: { tags, summary: 'Create a business role', body: schemas.businessRoleInput, response: { 201: schemas.businessRoleDetail } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, 'access:write', (tx, auth) => queries.createBusinessRole(tx, auth.tenant.id, request.body))),
  );
  app.put(
    '/access/business-roles/:id',
    { schema: { tags, summary: 'Change a business role', params: schemas.idParams, body: schemas.businessRoleInput, response: { 200: schemas.businessRoleDetail } } },
    (request) => asCaller(request, 'access:write', (tx) => queries.updateBusinessRole(tx, request.params.id, request.body)),
  );
  app.delete(
    '/access/business-roles/:id',
    { schema: { tags, summary: 'Remove a business role', params: schemas.idParams, response: noContent } },
    async (request, reply) => {
      await changeModel(request, (tx) => queries.deleteBusinessRole(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/access/business-roles/:id/system-roles',
    { schema: { tags, summary: 'Add a system role to a business role', params: schemas.idParams, body: schemas.systemRoleLink, response: { 200: schemas.businessRoleDetail } } },
    (request) => changeModel(request, (tx, auth) => queries.addSystemRoleToBusinessRole(tx, auth.tenant.id, request.params.id, request.body.systemRoleId)),
  );
  app.delete(
    '/access/business-roles/:id/system-roles/:otherId',
    { schema: { tags, summary: 'Remove a system role from a business role', params: schemas.pairParams, response: noContent } },
    async (request, reply) => {
      await changeModel(request, (tx) => queries.removeSystemRoleFromBusinessRole(tx, request.params.id, request.params.otherId));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/access/business-roles/:id/rules',
    { schema: { tags, summary: 'Add an assignment rule', params: schemas.idParams, body: schemas.assignmentRuleInput, response: { 200: schemas.businessRoleDetail } } },
    (request) => changeModel(request, (tx, auth) => queries.addRule(tx, auth.tenant.id, request.params.id, request.body)),
  );
  app.delete(
    '/access/business-roles/:id/rules/:otherId',
    { schema: { tags, summary: 'Remove an assignment rule', params: schemas.pairParams, response: noContent } },
    async (request, reply) => {
      await changeModel(request, (tx) => queries.deleteRule(tx, request.params.id, request.params.otherId));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/access/business-roles/:id/competences',
    { schema: { tags, summary: 'Require a competence for a business role', params: schemas.idParams, body: schemas.competenceLink, response: { 200: schemas.businessRoleDetail } } },
    (request) => changeModel(request, (tx, auth) => queries.addRequirement(tx, auth.tenant.id, request.params.id, request.body.competenceId)),
  );
  app.delete(
    '/access/business-roles/:id/competences/:otherId',
    { schema: { tags, summary: 'Drop a competence requirement', params: schemas.pairParams, response: noContent } },
    async (request, reply) => {
      await changeModel(request, (tx) => queries.removeRequirement(tx, request.params.id, request.params.otherId));
      return reply.status(204).send(null);
    },
  );

  // ---- Competences ----
  app.get(
    '/access/competences',
    { schema: { tags, summary: 'Competences', response: { 200: schemas.competenceList } } },
    (request) => asCaller(request, 'access:read', (tx) => queries.listCompetences(tx)),
  );
  app.post(
    '/access/competences',
    { schema: { tags, summary: 'Create a competence', body: schemas.competenceInput, response: { 201: schemas.competence } } },
    async (request, reply) => reply.status(201).send(await asCaller(request, 'access:write', (tx, auth) => queries.createCompetence(tx, auth.tenant.id, request.body))),
  );
  app.put(
    '/access/competences/:id',
    { schema: { tags, summary: 'Change a competence', params: schemas.idParams, body: schemas.competenceInput, response: { 200: schemas.competence } } },
    (request) => asCaller(request, 'access:write', (tx) => queries.updateCompetence(tx, request.params.id, request.body)),
  );
  app.delete(
    '/access/competences/:id',
    { schema: { tags, summary: 'Remove a competence', params: schemas.idParams, response: noContent } },
    async (request, reply) => {
      await changeModel(request, (tx) => queries.deleteCompetence(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  // ---- People ----
  /** One's own access is always visible; anyone else's needs access:people. */
  function readPerson(request: FastifyRequest, personId: string, permission: Permission = 'access:people') {
    const auth = requireAuth(request);
    if (auth.user.personId !== personId && !can(auth.user.roles, permission)) throw new AppError('forbidden');
    return auth.actor;
  }

  app.get(
    '/access/people/:id/entitlements',
    { schema: { tags, summary: 'Why does this person have this: desired access, reasons, competence flags, and the target systems', params: schemas.idParams, response: { 200: schemas.personEntitlements } } },
    (request) => inTenant(app.db, readPerson(request, request.params.id), (tx) => getPersonEntitlements(tx, request.params.id)),
  );
  app.get(
    '/access/people/:id/competences',
    { schema: { tags, summary: "A person's competences", params: schemas.idParams, response: { 200: schemas.personCompetenceList } } },
    (request) => inTenant(app.db, readPerson(request, request.params.id), (tx) => queries.listPersonCompetences(tx, request.params.id)),
  );
  app.post(
    '/access/people/:id/competences',
    { schema: { tags, summary: 'Record a competence for a person (recomputes their access)', params: schemas.idParams, body: schemas.personCompetenceInput, response: { 200: schemas.personCompetenceList } } },
    (request) => changePerson(request, request.params.id, (tx, auth) => queries.setPersonCompetence(tx, auth.tenant.id, request.params.id, request.body)),
  );
  app.delete(
    '/access/people/:id/competences/:otherId',
    { schema: { tags, summary: "Remove a person's competence (recomputes their access)", params: schemas.pairParams, response: noContent } },
    async (request, reply) => {
      await changePerson(request, request.params.id, (tx) => queries.removePersonCompetence(tx, request.params.id, request.params.otherId));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/access/people/:id/assignments',
    { schema: { tags, summary: 'Give a person a business role directly (recomputes their access)', params: schemas.idParams, body: schemas.roleAssignmentInput, response: { 200: schemas.personEntitlements } } },
    async (request) => {
      await changePerson(request, request.params.id, (tx, auth) => queries.createAssignment(tx, auth.tenant.id, request.params.id, request.body));
      return asCaller(request, 'access:write', (tx) => getPersonEntitlements(tx, request.params.id));
    },
  );
  app.delete(
    '/access/people/:id/assignments/:otherId',
    { schema: { tags, summary: 'End a direct assignment (recomputes their access)', params: schemas.pairParams, response: noContent } },
    async (request, reply) => {
      await changePerson(request, request.params.id, (tx) => queries.deleteAssignment(tx, request.params.id, request.params.otherId));
      return reply.status(204).send(null);
    },
  );

  // ---- Recompute ----
  app.post(
    '/access/recompute',
    { schema: { tags, summary: 'Recompute everyone’s desired access (a background job)', response: { 202: schemas.recomputeStarted } } },
    async (request, reply) => {
      const auth = authorize(request, 'access:write');
      const jobId = await app.jobs.send(recomputeAllJob, auth.actor satisfies Actor, {});
      return reply.status(202).send({ jobId });
    },
  );
  app.get(
    '/access/recompute-runs',
    { schema: { tags, summary: 'Recompute runs, newest first', response: { 200: schemas.recomputeRunList } } },
    async (request) => {
      const runs = await asCaller(request, 'access:people', (tx) => listRuns(tx));
      return {
        items: runs.map((run) => ({ ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null })),
      };
    },
  );
};
