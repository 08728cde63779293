import { and, asc, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { asCaller } from '../auth/request-context.ts';
import { orgUnits } from '../org/tables.ts';
import { cachedGraph } from './graph/graph-cache.ts';
import { mapPicture } from './graph/map-view.ts';
import { nodeKinds } from './impact/graph.ts';
import { impactOf, whatIfDown } from './impact/what-if-down.ts';
import {
  deleteObject,
  getInformationObject,
  getIntegration,
  getService,
  getTechnology,
  listInformationObjects,
  listIntegrations,
  listServices,
  listTechnology,
  saveInformationObject,
  saveIntegration,
  saveService,
  saveTechnology,
} from './queries.ts';
import * as schemas from './schemas.ts';
import { mapSavedViews, type SavedViewSettings } from './tables.ts';

const tags = ['Arkitekturkart'];
const list = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : undefined);

const pathStep = z.object({ id: z.string(), kind: z.enum(nodeKinds), name: z.string(), via: z.string().optional() });
const impactItem = z.object({
  id: z.string(),
  kind: z.enum(nodeKinds),
  name: z.string(),
  distance: z.number().int(),
  path: z.array(pathStep),
  personalDataCategory: z.string().optional(),
});
const origin = z.object({ id: z.string(), kind: z.enum(nodeKinds), name: z.string() });

const savedViewSettings = z.object({
  layers: z.array(z.string().max(40)).max(20).optional(),
  unitId: z.uuid().nullable().optional(),
  lifecycle: z.array(z.string().max(40)).max(20).optional(),
  criticality: z.array(z.string().max(40)).max(20).optional(),
  focusId: z.string().max(100).nullable().optional(),
  depth: z.number().int().min(1).max(10).optional(),
  search: z.string().max(200).optional(),
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
});
const savedViewInput = z.object({ name: z.string().trim().min(1, 'Navn må fylles ut').max(200), shared: z.boolean().default(false), settings: savedViewSettings });
const savedView = savedViewInput.extend({ id: z.uuid(), mine: z.boolean(), updatedAt: z.string() });

type Crud = {
  path: string;
  input: z.ZodObject;
  detail: z.ZodObject;
  list: typeof listServices;
  get: typeof getService;
  save: (tx: Parameters<typeof saveService>[0], tenantId: string, id: string | null, input: never, version?: number) => Promise<unknown>;
  kind: 'services' | 'information-objects' | 'integrations' | 'technology';
  summary: string;
};

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  const cruds: Crud[] = [
    { path: 'services', kind: 'services', input: schemas.serviceInput, detail: schemas.serviceDetail, list: listServices, get: getService, save: saveService as Crud['save'], summary: 'services' },
    {
      path: 'information-objects',
      kind: 'information-objects',
      input: schemas.informationObjectInput,
      detail: schemas.informationObjectDetail,
      list: listInformationObjects as unknown as typeof listServices,
      get: getInformationObject as unknown as typeof getService,
      save: saveInformationObject as Crud['save'],
      summary: 'information objects (the pick list other modules use: `?q=` → items with id and name)',
    },
    { path: 'integrations', kind: 'integrations', input: schemas.integrationInput, detail: schemas.integrationDetail, list: listIntegrations as unknown as typeof listServices, get: getIntegration as unknown as typeof getService, save: saveIntegration as Crud['save'], summary: 'integrations' },
    { path: 'technology', kind: 'technology', input: schemas.technologyInput, detail: schemas.technologyDetail, list: listTechnology as unknown as typeof listServices, get: getTechnology as unknown as typeof getService, save: saveTechnology as Crud['save'], summary: 'technology components' },
  ];
  for (const c of cruds) {
    app.get(
      `/${c.path}`,
      { schema: { tags, summary: `List ${c.summary}`, querystring: schemas.listQuery, response: { 200: schemas.pageOf(c.detail) } } },
      (request) => asCaller(request, 'map:read', (tx) => c.list(tx, request.query)),
    );
    app.get(`/${c.path}/:id`, { schema: { tags, summary: `One of ${c.summary}`, params: schemas.idParams, response: { 200: c.detail } } }, (request) =>
      asCaller(request, 'map:read', (tx) => c.get(tx, request.params.id)),
    );
    app.post(`/${c.path}`, { schema: { tags, summary: `Add to ${c.summary}`, body: c.input, response: { 201: c.detail } } }, async (request, reply) => {
      const created = await asCaller(request, 'map:write', (tx, auth) => c.save(tx, auth.tenant.id, null, request.body as never));
      return reply.status(201).send(created as never);
    });
    app.put(
      `/${c.path}/:id`,
      { schema: { tags, summary: `Change one of ${c.summary}`, params: schemas.idParams, body: schemas.withVersion(c.input), response: { 200: c.detail } } },
      (request) => {
        const body = request.body as { version: number };
        return asCaller(request, 'map:write', (tx, auth) => c.save(tx, auth.tenant.id, request.params.id, body as never, body.version)) as never;
      },
    );
    app.delete(`/${c.path}/:id`, { schema: { tags, summary: `Remove one of ${c.summary}`, params: schemas.idParams, response: { 204: z.null() } } }, async (request, reply) => {
      await asCaller(request, 'map:write', (tx) => deleteObject(tx, c.kind, request.params.id));
      return reply.status(204).send(null);
    });
  }

  app.get(
    '/map/graph',
    {
      schema: {
        tags,
        summary: 'The objects and relations the map draws, through filters or around one object',
        querystring: z.object({
          layers: z.string().max(200).optional(),
          unitId: z.uuid().optional(),
          lifecycle: z.string().max(200).optional(),
          criticality: z.string().max(200).optional(),
          focus: z.string().max(100).optional(),
          depth: z.coerce.number().int().min(1).max(10).default(1),
          search: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(5000).default(1500),
        }),
        response: {
          200: z.object({
            nodes: z.array(
              z.object({
                id: z.string(),
                kind: z.enum(nodeKinds),
                name: z.string(),
                lifecycle: z.string().optional(),
                criticality: z.string().optional(),
                personalDataCategory: z.string().optional(),
                type: z.string().optional(),
              }),
            ),
            edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string(), type: z.string() })),
            total: z.number().int(),
            cut: z.boolean(),
          }),
        },
      },
    },
    (request) =>
      asCaller(request, 'map:read', async (tx, auth) => {
        const q = request.query;
        // A unit of another municipality (or none) is not found, rather than filtering to nothing.
        if (q.unitId && !(await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, q.unitId))).length) throw notFound('enheten');
        const { graph } = await cachedGraph(tx, auth.tenant.id);
        return mapPicture(graph, {
          layers: list(q.layers) as never,
          unitId: q.unitId,
          lifecycle: list(q.lifecycle),
          criticality: list(q.criticality),
          focusId: q.focus,
          depth: q.depth,
          search: q.search,
          limit: q.limit,
        });
      }),
  );

  app.get(
    '/map/impact/:id',
    {
      schema: {
        tags,
        summary: 'What depends on an object (upstream) or what it depends on (downstream), each with its path',
        params: z.object({ id: z.string().max(100) }),
        querystring: z.object({ direction: z.enum(['upstream', 'downstream']).default('upstream'), depth: z.coerce.number().int().min(1).max(50).optional() }),
        response: {
          200: z.object({
            origin,
            direction: z.enum(['upstream', 'downstream']),
            depth: z.number().int().nullable(),
            counts: z.record(z.string(), z.number().int()),
            total: z.number().int(),
            items: z.array(impactItem),
            cut: z.boolean(),
            truncated: z.boolean(),
          }),
        },
      },
    },
    (request) =>
      asCaller(request, 'map:read', async (tx, auth) => {
        const { graph } = await cachedGraph(tx, auth.tenant.id);
        const answer = impactOf(graph, request.params.id, request.query.direction, request.query.depth ?? null);
        if (!answer) throw notFound('objektet i arkitekturkartet');
        return answer;
      }),
  );

  app.get(
    '/map/down/:id',
    {
      schema: {
        tags,
        summary: 'What if this object is down: affected services, processes, roles, systems, people and personal data',
        params: z.object({ id: z.string().max(100) }),
        response: {
          200: z.object({
            origin,
            services: z.array(impactItem),
            processes: z.array(impactItem),
            roles: z.array(impactItem),
            systems: z.array(impactItem),
            information: z.array(impactItem),
            other: z.array(impactItem),
            employeesAffected: z.number().int(),
            employeesBasis: z.enum(['entitlements', 'units', 'none']),
            personalData: z.record(z.string(), z.number().int()),
            totals: z.object({ services: z.number().int(), processes: z.number().int(), roles: z.number().int(), systems: z.number().int(), information: z.number().int(), other: z.number().int() }),
          }),
        },
      },
    },
    (request) =>
      asCaller(request, 'map:read', async (tx, auth) => {
        const { graph, usersBasis } = await cachedGraph(tx, auth.tenant.id);
        const answer = whatIfDown(graph, request.params.id);
        if (!answer) throw notFound('objektet i arkitekturkartet');
        return { ...answer, employeesBasis: usersBasis };
      }),
  );

  app.get(
    '/map/saved-views',
    { schema: { tags, summary: 'My saved map views and those colleagues share', response: { 200: z.object({ items: z.array(savedView) }) } } },
    (request) =>
      asCaller(request, 'map:read', async (tx, auth) => {
        const rows = await tx
          .select()
          .from(mapSavedViews)
          .where(or(eq(mapSavedViews.ownerUserId, auth.user.id), eq(mapSavedViews.shared, true)))
          .orderBy(asc(mapSavedViews.name));
        return { items: rows.map((r) => presentView(r, auth.user.id)) };
      }),
  );
  app.post(
    '/map/saved-views',
    { schema: { tags, summary: 'Save a map view under a name', body: savedViewInput, response: { 201: savedView } } },
    async (request, reply) => {
      const created = await asCaller(request, 'map:read', async (tx, auth) => {
        if (auth.via !== 'session') throw new AppError('forbidden', 'Lagrede visninger tilhører en innlogget bruker.');
        const [row] = await tx
          .insert(mapSavedViews)
          .values({ tenantId: auth.tenant.id, ownerUserId: auth.user.id, name: request.body.name, shared: request.body.shared, settings: request.body.settings as SavedViewSettings })
          .returning();
        return presentView(row!, auth.user.id);
      });
      return reply.status(201).send(created);
    },
  );
  app.delete('/map/saved-views/:id', { schema: { tags, summary: 'Remove one of my saved views', params: schemas.idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await asCaller(request, 'map:read', async (tx, auth) => {
      const removed = await tx
        .delete(mapSavedViews)
        .where(and(eq(mapSavedViews.id, request.params.id), eq(mapSavedViews.ownerUserId, auth.user.id)))
        .returning({ id: mapSavedViews.id });
      if (!removed.length) throw notFound('visningen (du kan bare slette dine egne)');
    });
    return reply.status(204).send(null);
  });
};

function presentView(row: typeof mapSavedViews.$inferSelect, userId: string) {
  return { id: row.id, name: row.name, shared: row.shared, settings: row.settings, mine: row.ownerUserId === userId, updatedAt: row.updatedAt.toISOString() };
}
