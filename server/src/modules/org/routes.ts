import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asCaller } from '../auth/request-context.ts';
import {
  createUnit,
  deleteUnit,
  getPerson,
  getUnit,
  listPersons,
  listPositions,
  listUnits,
  moveUnit,
  orgTreeVersion,
  updatePerson,
  updateUnit,
} from './queries.ts';
import { calendarDate } from './rules/employment-status.ts';
import * as schemas from './schemas.ts';
import { TreeCache } from './tree-cache.ts';

const tags = ['Organisasjon'];

/** The organisation [organisasjon]: units, people, positions. auth → validate → authorize → query → present. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  // The tree is the most requested page and the costliest query (headcounts over every
  // employment); most requests are answered from this cache after one version lookup.
  const treeCache = new TreeCache();

  app.get(
    '/org/units',
    {
      schema: {
        tags,
        summary: 'The unit tree as a flat list',
        description: 'Sends an ETag; with a matching If-None-Match the answer is 304 without a body.',
        response: { 200: z.array(schemas.unitSummary), 304: z.null() },
      },
    },
    async (request, reply) => {
      const today = calendarDate();
      const tree = await asCaller(request, 'org:read', async (tx, auth) => {
        const version = await orgTreeVersion(tx);
        const cached = treeCache.get(auth.tenant.id, version, today);
        if (cached) return cached;
        return treeCache.set(auth.tenant.id, version, today, JSON.stringify(await listUnits(tx, today)));
      });
      reply.header('etag', tree.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === tree.etag) return reply.status(304).send(null);
      // Already serialised (by listUnits' rows, exactly as the schema says): sent as it is.
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        return reply.header('content-encoding', 'gzip').send(tree.gzipped as never);
      }
      return reply.send(tree.body as never);
    },
  );

  app.get(
    '/org/units/:id',
    { schema: { tags, summary: 'One unit', params: schemas.idParams, response: { 200: schemas.unitDetail } } },
    (request) => asCaller(request, 'org:read', (tx) => getUnit(tx, request.params.id, calendarDate())),
  );

  app.post(
    '/org/units',
    { schema: { tags, summary: 'Create a unit', body: schemas.unitInput, response: { 201: schemas.unitDetail } } },
    async (request, reply) => {
      const created = await asCaller(request, 'org:write', (tx, auth) => createUnit(tx, auth.tenant.id, request.body, calendarDate()));
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/org/units/:id',
    { schema: { tags, summary: 'Change a unit', params: schemas.idParams, body: schemas.unitInput, response: { 200: schemas.unitDetail } } },
    (request) => asCaller(request, 'org:write', (tx) => updateUnit(tx, request.params.id, request.body, calendarDate())),
  );

  app.post(
    '/org/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a unit under another (409 if that is one of its own sub-units)',
        params: schemas.idParams,
        body: schemas.unitMove,
        response: { 200: schemas.unitDetail },
      },
    },
    (request) => asCaller(request, 'org:write', (tx) => moveUnit(tx, request.params.id, request.body.parentId, calendarDate())),
  );

  app.delete(
    '/org/units/:id',
    { schema: { tags, summary: 'Remove an empty unit (409 if it has employments or sub-units)', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'org:write', (tx) => deleteUnit(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/org/persons',
    { schema: { tags, summary: 'Find people', querystring: schemas.personListQuery, response: { 200: schemas.personPage } } },
    (request) => asCaller(request, 'org:read', (tx) => listPersons(tx, request.query, calendarDate())),
  );

  app.get(
    '/org/persons/:id',
    { schema: { tags, summary: 'One person with employments, manager and reports', params: schemas.idParams, response: { 200: schemas.personDetail } } },
    (request) => asCaller(request, 'org:read', (tx) => getPerson(tx, request.params.id, calendarDate())),
  );

  app.put(
    '/org/persons/:id',
    { schema: { tags, summary: 'Change a person', params: schemas.idParams, body: schemas.personInput, response: { 200: schemas.personDetail } } },
    (request) => asCaller(request, 'org:write', (tx) => updatePerson(tx, request.params.id, request.body, calendarDate())),
  );

  app.get(
    '/org/positions',
    { schema: { tags, summary: 'Positions with how many hold each now', response: { 200: schemas.positionList } } },
    (request) => asCaller(request, 'org:read', (tx) => listPositions(tx, calendarDate())),
  );
};
