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
  updatePerson,
  updateUnit,
} from './queries.ts';
import { calendarDate } from './rules/employment-status.ts';
import * as schemas from './schemas.ts';

const tags = ['Organisasjon'];

/** The organisation [organisasjon]: units, people, positions. auth → validate → authorize → query → present. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/org/units',
    { schema: { tags, summary: 'The unit tree as a flat list', response: { 200: z.array(schemas.unitSummary) } } },
    (request) => asCaller(request, 'org:read', (tx) => listUnits(tx, calendarDate())),
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
