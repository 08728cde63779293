import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { asCaller } from '../auth/request-context.ts';
import { automationRanking, saveAssessment } from './automation.ts';
import { getBundleReport, importBundle } from './bundle-import.ts';
import { businessRoleGaps } from './gaps.ts';
import { listPublishedProcesses, myProcesses, processPage } from './queries.ts';
import * as schemas from './schemas.ts';
import { search } from './search.ts';

const tags = ['Prosessportal'];
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The employee process portal [prosessportal], search, automation potential, role gaps and bulk import. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/portal/my-processes',
    { schema: { tags, summary: 'Published processes of my business roles and my unit', response: { 200: schemas.myProcesses } } },
    (request) => asCaller(request, 'portal:read', (tx, auth) => myProcesses(tx, auth.user.personId)),
  );

  app.get(
    '/portal/processes',
    { schema: { tags, summary: 'Published processes, filtered by name and classification codes', querystring: schemas.processListQuery, response: { 200: schemas.processList } } },
    (request) => asCaller(request, 'portal:read', (tx) => listPublishedProcesses(tx, { ...request.query, codes: asList(request.query.code) })),
  );

  app.get(
    '/portal/processes/:id',
    { schema: { tags, summary: "A process's page for employees (published version)", params: schemas.idParams, response: { 200: schemas.processPage } } },
    (request) => asCaller(request, 'portal:read', (tx) => processPage(tx, request.params.id)),
  );

  app.get(
    '/search',
    { schema: { tags, summary: 'Full-text search over processes, documents and systems (Norwegian stemming)', querystring: schemas.searchQuery, response: { 200: schemas.searchResult } } },
    async (request) => ({
      items: await asCaller(request, 'portal:read', (tx) => search(tx, { q: request.query.q, kinds: asList(request.query.kind), limit: request.query.limit })),
    }),
  );

  app.get(
    '/portal/automation',
    { schema: { tags, summary: 'Processes ranked by automation potential (hours a year)', response: { 200: schemas.automationRanking } } },
    (request) => asCaller(request, 'portal:read', (tx) => automationRanking(tx)),
  );

  app.put(
    '/portal/processes/:id/automation',
    { schema: { tags, summary: "Assess a process's automation potential", params: schemas.idParams, body: schemas.automationInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'portal:write', (tx, auth) => saveAssessment(tx, auth.actor, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/portal/role-gaps',
    { schema: { tags, summary: 'For every business role: system roles its processes need but it lacks, and grants no process uses', response: { 200: z.object({ items: z.array(schemas.roleGap) }) } } },
    async (request) => ({ items: await asCaller(request, 'portal:write', (tx) => businessRoleGaps(tx)) }),
  );

  app.get(
    '/portal/role-gaps/:id',
    { schema: { tags, summary: 'Role gaps of one business role', params: schemas.idParams, response: { 200: schemas.roleGap } } },
    async (request) => (await asCaller(request, 'portal:write', (tx) => businessRoleGaps(tx, request.params.id)))[0]!,
  );

  app.post(
    '/portal/bundle-imports',
    {
      schema: {
        tags,
        summary: 'Bulk import a zip of BPMN files and documents; answers with the per-file report (multipart: `file`, optional `parentId`)',
        consumes: ['multipart/form-data'],
        response: { 201: schemas.bundleReport },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: 50 * 1024 * 1024 } });
      if (!part) throw new AppError('validation_failed', 'Legg ved en zip-fil i feltet «file».');
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw new AppError('payload_too_large', 'Zip-filen er større enn 50 MB. Del den opp.');
      const parent = part.fields.parentId;
      const parentId = parent && !Array.isArray(parent) && parent.type === 'field' && String(parent.value) ? String(parent.value) : null;
      if (parentId && !z.uuid().safeParse(parentId).success) throw new AppError('validation_failed', 'parentId er ikke en gyldig id.');
      const report = await asCaller(request, 'portal:write', (tx, auth) => importBundle(tx, auth.actor, { fileName: part.filename || 'import.zip', bytes, parentId }));
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/portal/bundle-imports/:id',
    { schema: { tags, summary: 'The report of an earlier bulk import', params: schemas.idParams, response: { 200: schemas.bundleReport } } },
    (request) => asCaller(request, 'portal:write', (tx) => getBundleReport(tx, request.params.id)),
  );
};
