import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asCaller } from '../auth/request-context.ts';
import { entityHistory, listAuditEvents } from './queries.ts';
import * as schemas from './schemas.ts';

const tags = ['Historikk'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { schema: { tags, summary: 'Browse the audit log', querystring: schemas.auditQuery, response: { 200: schemas.auditPage } } },
    (request) => asCaller(request, 'audit:read', (tx) => listAuditEvents(tx, request.query)),
  );

  // Anyone who can see an object may see its history; the log as a whole is for admins.
  app.get(
    '/history/:entityType/:entityId',
    { schema: { tags, summary: "One object's history", params: schemas.historyParams, response: { 200: z.array(schemas.auditEvent) } } },
    (request) => asCaller(request, 'org:read', (tx) => entityHistory(tx, request.params.entityType, request.params.entityId)),
  );
};
