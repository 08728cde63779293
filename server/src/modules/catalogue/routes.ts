import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asCaller } from '../auth/request-context.ts';
import { SystemListCache } from './list-cache.ts';
import { catalogueVersions, createSystem, deleteSystem, getSystem, listSystems, systemFacets, updateSystem } from './queries.ts';
import * as schemas from './schemas.ts';

const tags = ['Systemkatalog'];

/** The system catalogue [systemkatalog]: auth → validate → authorize → query/command → present. */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  // Most requests ask for the same few pages; each is built once per change (see list-cache.ts).
  const listCache = new SystemListCache();
  app.get(
    '/systems',
    { schema: { tags, summary: 'List systems', querystring: schemas.systemListQuery, response: { 200: schemas.systemPage } } },
    async (request, reply) => {
      const key = JSON.stringify(request.query);
      const body = await asCaller(request, 'catalogue:read', async (tx, auth) => {
        const versions = await catalogueVersions(tx);
        const cached = listCache.get(auth.tenant.id, versions.catalogue, versions.org, key);
        if (cached) return cached;
        return listCache.set(auth.tenant.id, versions.catalogue, versions.org, key, JSON.stringify(await listSystems(tx, request.query)));
      });
      // Already serialised (listSystems' result, exactly as the schema says): sent as it is.
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/systems/facets',
    { schema: { tags, summary: 'Values to filter the catalogue by', response: { 200: schemas.systemFacets } } },
    (request) => asCaller(request, 'catalogue:read', (tx) => systemFacets(tx)),
  );

  app.get(
    '/systems/:id',
    { schema: { tags, summary: 'One system', params: schemas.idParams, response: { 200: schemas.systemDetail } } },
    (request) => asCaller(request, 'catalogue:read', (tx) => getSystem(tx, request.params.id)),
  );

  app.post(
    '/systems',
    { schema: { tags, summary: 'Register a system', body: schemas.systemInput, response: { 201: schemas.systemDetail } } },
    async (request, reply) => {
      const created = await asCaller(request, 'catalogue:write', (tx, auth) => createSystem(tx, auth.tenant.id, request.body));
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/systems/:id',
    {
      schema: {
        tags,
        summary: 'Change a system',
        params: schemas.idParams,
        body: schemas.systemUpdate,
        response: { 200: schemas.systemDetail },
      },
    },
    (request) =>
      asCaller(request, 'catalogue:write', (tx, auth) => updateSystem(tx, auth.tenant.id, request.params.id, request.body)),
  );

  app.delete(
    '/systems/:id',
    { schema: { tags, summary: 'Remove a system', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'catalogue:write', (tx) => deleteSystem(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
