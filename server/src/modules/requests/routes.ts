import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { requestRecompute } from '../access/recompute-people.ts';
import { can } from '../auth/permissions.ts';
import { asCaller, type AuthContext } from '../auth/request-context.ts';
import {
  cancelRequest,
  createDeputy,
  createRequest,
  decide,
  deleteDeputy,
  getRequest,
  inbox,
  inboxCount,
  listCatalogue,
  listDeputies,
  listMine,
  updateDeputy,
  type Caller,
  type Viewer,
} from './queries.ts';
import * as schemas from './schemas.ts';

const tags = ['Tilgangsforespørsler'];

/** Every route here acts for a person: an API token or a user not linked to a person has nobody to ask for. */
function callerOf(auth: AuthContext): Caller {
  if (!auth.user.personId) throw new AppError('forbidden', 'Brukeren din er ikke knyttet til en person i organisasjonen, så du kan ikke be om eller godkjenne tilgang.');
  return { tenantId: auth.tenant.id, personId: auth.user.personId, isAdmin: can(auth.user.roles, 'requests:manage') };
}

function asPerson<T>(request: FastifyRequest, work: (tx: Executor, caller: Caller, auth: AuthContext) => Promise<T>): Promise<T> {
  return asCaller(request, 'requests:use', (tx, auth) => work(tx, callerOf(auth), auth));
}

/** Looking at (or withdrawing) one request: an administrator may do so without being a person in the organisation. */
function asViewer<T>(request: FastifyRequest, work: (tx: Executor, viewer: Viewer) => Promise<T>): Promise<T> {
  return asCaller(request, 'requests:use', (tx, auth) => {
    const isAdmin = can(auth.user.roles, 'requests:manage');
    return work(tx, isAdmin && !auth.user.personId ? { tenantId: auth.tenant.id, personId: null, isAdmin } : callerOf(auth));
  });
}

/**
 * Self-service access requests [tilgangsforespørsler]: the catalogue of requestable roles, asking,
 * following one's requests, the approver's inbox, deputies. auth → validate → authorize → command → present.
 */
export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/requests/catalogue',
    { schema: { tags, summary: 'Business roles one may ask for, in plain language', querystring: schemas.catalogueQuery, response: { 200: schemas.catalogue } } },
    (request) => asPerson(request, (tx, caller) => listCatalogue(tx, caller, request.query.q)),
  );

  app.post(
    '/requests',
    { schema: { tags, summary: 'Ask for a business role (for oneself, or as manager for one of one’s people)', body: schemas.requestInput, response: { 201: schemas.accessRequest } } },
    async (request, reply) => {
      const created = await asPerson(request, (tx, caller) => createRequest(tx, caller, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/requests/mine',
    { schema: { tags, summary: 'The signed-in person’s requests and those made for them, with status', response: { 200: schemas.requestList } } },
    (request) => asPerson(request, (tx, caller) => listMine(tx, caller)),
  );

  app.get(
    '/requests/inbox',
    { schema: { tags, summary: 'Requests waiting for the signed-in person’s decision, as approver or deputy', response: { 200: schemas.inbox } } },
    (request) => asPerson(request, (tx, caller) => inbox(tx, caller)),
  );

  app.get(
    '/requests/inbox/count',
    { schema: { tags, summary: 'How many requests wait for the signed-in person', response: { 200: schemas.inboxCount } } },
    (request) => asPerson(request, (tx, caller) => inboxCount(tx, caller)),
  );

  app.get(
    '/requests/deputies',
    { schema: { tags, summary: 'Deputy arrangements of the signed-in person (or all, for administrators)', querystring: schemas.deputyQuery, response: { 200: schemas.deputyList } } },
    (request) => asPerson(request, (tx, caller) => listDeputies(tx, caller, request.query.scope)),
  );

  app.post(
    '/requests/deputies',
    { schema: { tags, summary: 'Name a deputy for a period', body: schemas.deputyInput, response: { 201: schemas.deputy } } },
    async (request, reply) => {
      const created = await asPerson(request, (tx, caller) => createDeputy(tx, caller, request.body));
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/requests/deputies/:id',
    { schema: { tags, summary: 'Change a deputy arrangement', params: schemas.idParams, body: schemas.deputyInput, response: { 200: schemas.deputy } } },
    (request) => asPerson(request, (tx, caller) => updateDeputy(tx, caller, request.params.id, request.body)),
  );

  app.delete(
    '/requests/deputies/:id',
    { schema: { tags, summary: 'End a deputy arrangement', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asPerson(request, (tx, caller) => deleteDeputy(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/requests/:id',
    { schema: { tags, summary: 'One request with its approval steps and status', params: schemas.idParams, response: { 200: schemas.accessRequest } } },
    (request) => asViewer(request, (tx, viewer) => getRequest(tx, viewer, request.params.id)),
  );

  app.post(
    '/requests/:id/cancel',
    { schema: { tags, summary: 'Withdraw a request that is still waiting', params: schemas.idParams, response: { 200: schemas.accessRequest } } },
    (request) => asViewer(request, (tx, viewer) => cancelRequest(tx, viewer, request.params.id)),
  );

  app.post(
    '/requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject as approver or deputy; the last approval gives the role',
        params: schemas.idParams,
        body: schemas.decisionInput,
        response: { 200: schemas.accessRequest },
      },
    },
    async (request) => {
      const { outcome, auth } = await asPerson(request, async (tx, caller, auth) => ({ outcome: await decide(tx, caller, request.params.id, request.body), auth }));
      // After the commit: the recompute job must see the new assignment (and on PGlite a send inside the transaction would wait for itself).
      if (outcome.recompute.length > 0) await requestRecompute(app.jobs, auth.actor, outcome.recompute);
      return outcome.request;
    },
  );
};
