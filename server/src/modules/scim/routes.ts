import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { requestRecompute } from '../access/recompute-people.ts';
import { can } from '../auth/permissions.ts';
import { createGroup, deleteGroup, getGroup, loadGroups, readGroup, replaceGroup } from './groups.ts';
import { etagListIncludes } from './protocol/etag.ts';
import { matchesFilter, parseFilter, type Filter } from './protocol/filter.ts';
import { sortAndPage } from './protocol/list.ts';
import { applyPatch, type PatchOperation } from './protocol/patch.ts';
import type { Resource } from './protocol/paths.ts';
import { project, withoutNeverReturned } from './protocol/projection.ts';
import { invalidSyntax, invalidValue, ScimError } from './protocol/scim-error.ts';
import {
  listResponseSchema,
  maxResults,
  patchOpSchema,
  resourceTypeResources,
  schemaResources,
  searchRequestSchema,
  serviceProviderConfig,
  type ResourceKind,
} from './protocol/schemas.ts';
import { readUser } from './protocol/user-input.ts';
import { countUsers, createUser, deprovisionUser, getUser, loadUsers, replaceUser, type UserSelection } from './users.ts';

export const scimPrefix = '/scim/v2';
const scimContentType = 'application/scim+json; charset=utf-8';
const tags = ['SCIM 2.0'];

const listQuery = z.object({
  filter: z.string().max(4000).optional(),
  sortBy: z.string().max(200).optional(),
  sortOrder: z.string().max(20).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  attributes: z.string().max(2000).optional(),
  excludedAttributes: z.string().max(2000).optional(),
});
const projectionQuery = listQuery.pick({ attributes: true, excludedAttributes: true });
const searchBody = z.looseObject({
  schemas: z.array(z.string()).optional(),
  filter: z.string().max(4000).optional(),
  sortBy: z.string().max(200).optional(),
  sortOrder: z.string().max(20).optional(),
  startIndex: z.number().int().optional(),
  count: z.number().int().optional(),
  attributes: z.union([z.array(z.string()), z.string()]).optional(),
  excludedAttributes: z.union([z.array(z.string()), z.string()]).optional(),
});
const resourceBody = z.record(z.string(), z.unknown());
const patchBody = z.looseObject({
  schemas: z.array(z.string()),
  Operations: z.array(z.looseObject({ op: z.string(), path: z.string().optional(), value: z.unknown().optional() })).min(1).max(1000),
});
const idParams = z.object({ id: z.string().max(200) });
const resourceTypeParams = z.object({ id: z.string().max(200) });

/** The SCIM caller: a bearer token with scim:provision. Audit rows name it «SCIM: <token name>». */
function scimActor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth || auth.via !== 'token') throw new ScimError(401, 'A bearer token is required (npx grunnmur token create --role scim_client).');
  if (!can(auth.user.roles, 'scim:provision')) throw new ScimError(403, 'This token may not provision through SCIM (it needs the scim_client role).');
  return { ...auth.actor, actorName: auth.user.displayName.replace(/^API: /, 'SCIM: ') };
}

function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${scimPrefix}`;
}

/** Runs SCIM work in the token's tenant; then asks the access module to recompute the people it touched. */
async function provision<T>(request: FastifyRequest, work: (tx: Executor, actor: Actor, baseUrl: string) => Promise<{ result: T; personIds?: string[] }>): Promise<T> {
  const actor = scimActor(request);
  const { result, personIds = [] } = await inTenant(request.server.db, actor, (tx) => work(tx, actor, baseUrlOf(request)));
  if (personIds.length > 0) {
    try {
      await requestRecompute(request.server.jobs, actor, personIds, { source: 'scim' });
    } catch (error) {
      // The change is stored; a missed recompute is caught up by the next full run.
      request.log.error({ err: error }, 'SCIM: could not queue the access recompute');
    }
  }
  return result;
}

function read<T>(request: FastifyRequest, work: (tx: Executor, baseUrl: string) => Promise<T>): Promise<T> {
  const actor = scimActor(request);
  return inTenant(request.server.db, actor, (tx) => work(tx, baseUrlOf(request)));
}

/** If-Match (RFC 7644 §3.14): a write against another version than the client saw is refused with 412. */
function checkIfMatch(request: FastifyRequest, current: Resource) {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && !etagListIncludes(header, versionOf(current))) {
    throw new ScimError(412, 'The resource has changed since the version in If-Match.');
  }
}

function versionOf(resource: Resource): string {
  return (resource.meta as { version: string }).version;
}

/** A filter's plain `attr eq "value"` on a key the database can look up, to load fewer rows. */
function narrowing(filter: Filter | undefined, names: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Filter | undefined) => {
    if (!node) return;
    if (node.op === 'eq' && typeof node.compValue === 'string') {
      const name = names.find((candidate) => candidate.toLowerCase() === node.attrPath.toLowerCase());
      if (name) found.set(name, node.compValue);
    } else if (node.op === 'and') {
      node.filters.forEach(visit);
    }
  };
  visit(filter);
  return found;
}

interface ListParams {
  filter?: string;
  sortBy?: string;
  sortOrder?: string;
  startIndex?: number;
  count?: number;
  attributes?: string;
  excludedAttributes?: string;
}

async function loadKind(tx: Executor, kind: ResourceKind, baseUrl: string, filter: Filter | undefined): Promise<Resource[]> {
  if (kind === 'User') {
    const keys = narrowing(filter, ['id', 'userName', 'externalId']);
    const selection: UserSelection = {};
    if (keys.has('id')) selection.ids = [keys.get('id')!];
    if (keys.has('userName')) selection.userName = keys.get('userName');
    if (keys.has('externalId')) selection.externalId = keys.get('externalId');
    return loadUsers(tx, baseUrl, selection);
  }
  const keys = narrowing(filter, ['id', 'displayName']);
  return loadGroups(tx, baseUrl, { ids: keys.has('id') ? [keys.get('id')!] : undefined, displayName: keys.get('displayName') });
}

/** List and search (RFC 7644 §3.4.2, §3.4.3): filter, sort, page, then project each resource. */
async function list(tx: Executor, kinds: ResourceKind[], baseUrl: string, params: ListParams) {
  const filter = params.filter ? parseFilter(params.filter) : undefined;
  if (!filter && !params.sortBy && kinds.length === 1 && kinds[0] === 'User') {
    // Paging through everyone (a client's first full read): only the page is loaded.
    const startIndex = Math.max(1, Math.trunc(params.startIndex ?? 1));
    const count = Math.min(maxResults, Math.max(0, Math.trunc(params.count ?? maxResults)));
    const totalResults = await countUsers(tx);
    const page = count === 0 ? [] : await loadUsers(tx, baseUrl, { page: { offset: startIndex - 1, limit: count } });
    return { schemas: [listResponseSchema], totalResults, startIndex, itemsPerPage: page.length, Resources: page.map((resource) => present('User', resource, params)) };
  }
  const results: { kind: ResourceKind; resource: Resource }[] = [];
  for (const kind of kinds) {
    const resources = await loadKind(tx, kind, baseUrl, filter);
    for (const resource of resources) if (!filter || matchesFilter(kind, resource, filter)) results.push({ kind, resource });
  }
  const kindOf = new Map(results.map((entry) => [entry.resource, entry.kind]));
  const paged = sortAndPage(kinds[0]!, results.map((entry) => entry.resource), params);
  return {
    schemas: [listResponseSchema],
    totalResults: paged.totalResults,
    startIndex: paged.startIndex,
    itemsPerPage: paged.itemsPerPage,
    Resources: paged.page.map((resource) => present(kindOf.get(resource)!, resource, params)),
  };
}

function present(kind: ResourceKind, resource: Resource, params: { attributes?: string; excludedAttributes?: string }): Resource {
  return project(kind, withoutNeverReturned(kind, resource), params.attributes, params.excludedAttributes);
}

function joinList(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function sendResource(reply: FastifyReply, status: number, kind: ResourceKind, resource: Resource, params: { attributes?: string; excludedAttributes?: string } = {}) {
  const meta = resource.meta as { version: string; location: string };
  reply.header('etag', meta.version);
  if (status === 201) reply.header('location', meta.location);
  return reply.status(status).send(present(kind, resource, params));
}

function patchOperations(body: z.infer<typeof patchBody>): PatchOperation[] {
  if (!body.schemas.includes(patchOpSchema)) throw invalidSyntax(`A PATCH request must name the schema ${patchOpSchema}.`);
  return body.Operations as PatchOperation[];
}

/** Turns whatever went wrong into a SCIM error response (RFC 7644 §3.12), never problem+json. */
function toScimError(error: FastifyError | Error): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof AppError) {
    if (error.code === 'validation_failed') return invalidValue(error.detail ?? error.message);
    if (error.code === 'conflict') return new ScimError(409, error.detail ?? error.message, 'uniqueness');
    return new ScimError(error.status, error.detail ?? error.message);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return invalidSyntax(error.validation.map((issue) => `${issue.instancePath || 'body'}: ${issue.message}`).join('; '));
  }
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  if (code === '23505') return new ScimError(409, 'A unique attribute is already in use.', 'uniqueness');
  if (code === '22P02') return invalidValue('A value has the wrong format.');
  const status = (error as FastifyError).statusCode;
  if (status === 415) return new ScimError(415, 'Send application/scim+json or application/json.');
  if (status === 413) return new ScimError(413, 'The request is too large.');
  if (status === 429) return new ScimError(429, 'Too many requests. Wait a moment and try again.');
  if (status && status >= 400 && status < 500) return invalidSyntax(error.message);
  return new ScimError(500, 'Something went wrong on the server.');
}

/** The SCIM 2.0 service provider (RFC 7643/7644) for HR systems and Entra ID, mounted at /scim/v2. */
export const scimRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(['application/scim+json'], { parseAs: 'string' }, app.getDefaultJsonParser('error', 'ignore'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const scim = toScimError(error);
    if (scim.status === 500) request.log.error({ err: error }, 'SCIM request failed');
    return reply.status(scim.status).type(scimContentType).send(scim.toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).type(scimContentType).send(new ScimError(404, `No SCIM endpoint at ${request.url}.`).toBody()),
  );
  // The web app's catch-all route (`/*`, when the built app is served) would otherwise answer
  // unknown SCIM paths with problem+json; this more specific one keeps them SCIM errors.
  app.all('/*', { schema: { hide: true } }, (request) => {
    throw new ScimError(404, `No SCIM endpoint at ${request.url}.`);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('application/json')) reply.header('content-type', scimContentType);
    return payload;
  });

  // ─── Discovery (RFC 7644 §4) ────────────────────────────────────────────────────────────────
  app.get('/ServiceProviderConfig', { schema: { tags, summary: 'What this SCIM server supports' } }, (request) => {
    scimActor(request);
    return serviceProviderConfig(baseUrlOf(request));
  });
  app.get('/ResourceTypes', { schema: { tags, summary: 'User and Group' } }, (request) => {
    scimActor(request);
    const resources = resourceTypeResources(baseUrlOf(request));
    return { schemas: [listResponseSchema], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources };
  });
  app.get('/ResourceTypes/:id', { schema: { tags, summary: 'One resource type', params: resourceTypeParams } }, (request) => {
    scimActor(request);
    const found = resourceTypeResources(baseUrlOf(request)).find((type) => type.id === request.params.id);
    if (!found) throw new ScimError(404, `Resource type ${request.params.id} not found`);
    return found;
  });
  app.get('/Schemas', { schema: { tags, summary: 'The User, Group and Enterprise User schemas' } }, (request) => {
    scimActor(request);
    const resources = schemaResources(baseUrlOf(request));
    return { schemas: [listResponseSchema], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources };
  });
  app.get('/Schemas/:id', { schema: { tags, summary: 'One schema', params: resourceTypeParams } }, (request) => {
    scimActor(request);
    const found = schemaResources(baseUrlOf(request)).find((schema) => schema.id === request.params.id);
    if (!found) throw new ScimError(404, `Schema ${request.params.id} not found`);
    return found;
  });
  app.all('/Me', { schema: { hide: true } }, (request) => {
    scimActor(request);
    // RFC 7644 §3.11: a token is not a person, so there is no «me» to show.
    throw new ScimError(501, 'The /Me endpoint is not supported: a SCIM token stands for a client, not a person.');
  });
  app.post('/Bulk', { schema: { tags, summary: 'Not supported (see ServiceProviderConfig)' } }, (request) => {
    scimActor(request);
    throw new ScimError(501, 'Bulk operations are not supported; send one request per resource.');
  });

  // ─── Search across both resource types (RFC 7644 §3.4.3) ──────────────────────────────────────
  app.post('/.search', { schema: { tags, summary: 'Search Users and Groups', body: searchBody } }, (request) =>
    read(request, (tx, baseUrl) => list(tx, ['User', 'Group'], baseUrl, searchParams(request.body))),
  );

  for (const kind of ['User', 'Group'] as const) {
    const endpoint = kind === 'User' ? '/Users' : '/Groups';
    const getOne = kind === 'User' ? getUser : getGroup;

    app.get(endpoint, { schema: { tags, summary: `List ${kind}s with filter, sort and paging`, querystring: listQuery } }, (request) =>
      read(request, (tx, baseUrl) => list(tx, [kind], baseUrl, request.query)),
    );
    app.post(`${endpoint}/.search`, { schema: { tags, summary: `Search ${kind}s`, body: searchBody } }, (request) =>
      read(request, (tx, baseUrl) => list(tx, [kind], baseUrl, searchParams(request.body))),
    );
    app.get(`${endpoint}/:id`, { schema: { tags, summary: `One ${kind}`, params: idParams, querystring: projectionQuery } }, async (request, reply) => {
      const resource = await read(request, (tx, baseUrl) => getOne(tx, baseUrl, request.params.id));
      const ifNoneMatch = request.headers['if-none-match'];
      if (typeof ifNoneMatch === 'string' && etagListIncludes(ifNoneMatch, versionOf(resource))) {
        return reply.status(304).header('etag', versionOf(resource)).send();
      }
      return sendResource(reply, 200, kind, resource, request.query);
    });
    app.post(endpoint, { schema: { tags, summary: `Create a ${kind}`, body: resourceBody } }, async (request, reply) => {
      const resource = await provision(request, async (tx, actor, baseUrl) => {
        if (kind === 'User') {
          const { id } = await createUser(tx, actor.tenantId, readUser(request.body));
          return { result: await getUser(tx, baseUrl, id), personIds: [id] };
        }
        const input = readGroup(request.body);
        const id = await createGroup(tx, actor.tenantId, input);
        return { result: await getGroup(tx, baseUrl, id), personIds: input.memberIds };
      });
      return sendResource(reply, 201, kind, resource);
    });
    app.put(`${endpoint}/:id`, { schema: { tags, summary: `Replace a ${kind}`, params: idParams, body: resourceBody } }, async (request, reply) => {
      const resource = await provision(request, async (tx, actor, baseUrl) => {
        const current = await getOne(tx, baseUrl, request.params.id);
        checkIfMatch(request, current);
        return store(tx, kind, actor, baseUrl, request.params.id, current, request.body);
      });
      return sendResource(reply, 200, kind, resource);
    });
    app.patch(`${endpoint}/:id`, { schema: { tags, summary: `Change a ${kind} (add, replace, remove)`, params: idParams, body: patchBody } }, async (request, reply) => {
      const operations = patchOperations(request.body);
      const resource = await provision(request, async (tx, actor, baseUrl) => {
        const current = await getOne(tx, baseUrl, request.params.id);
        checkIfMatch(request, current);
        return store(tx, kind, actor, baseUrl, request.params.id, current, applyPatch(kind, current, operations));
      });
      return sendResource(reply, 200, kind, resource);
    });
    app.delete(`${endpoint}/:id`, { schema: { tags, summary: kind === 'User' ? 'End a User: the person becomes a leaver' : 'Delete a Group', params: idParams } }, async (request, reply) => {
      await provision(request, async (tx, actor, baseUrl) => {
        const current = await getOne(tx, baseUrl, request.params.id);
        checkIfMatch(request, current);
        if (kind === 'User') {
          await deprovisionUser(tx, actor.tenantId, request.params.id, baseUrl);
          return { result: null, personIds: [request.params.id] };
        }
        return { result: null, personIds: await deleteGroup(tx, request.params.id) };
      });
      return reply.status(204).send();
    });
  }
};

/** PUT and PATCH both end here: the new resource is read, checked and stored. */
async function store(tx: Executor, kind: ResourceKind, actor: Actor, baseUrl: string, id: string, current: Resource, next: Resource) {
  if (kind === 'User') {
    await replaceUser(tx, actor.tenantId, id, readUser(next), current);
    return { result: await getUser(tx, baseUrl, id), personIds: [id] };
  }
  const changed = await replaceGroup(tx, actor.tenantId, id, readGroup(next));
  return { result: await getGroup(tx, baseUrl, id), personIds: changed };
}

function searchParams(body: z.infer<typeof searchBody>): ListParams {
  if (body.schemas && !body.schemas.includes(searchRequestSchema)) throw invalidSyntax(`A search request must name the schema ${searchRequestSchema}.`);
  return {
    filter: body.filter,
    sortBy: body.sortBy,
    sortOrder: body.sortOrder,
    startIndex: body.startIndex,
    count: body.count,
    attributes: joinList(body.attributes),
    excludedAttributes: joinList(body.excludedAttributes),
  };
}
