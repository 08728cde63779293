import { PassThrough, Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { authorize, requireAuth } from '../auth/request-context.ts';
import type { Permission } from '../auth/permissions.ts';
import { exportFileName, writeExport, writeTemplate } from './export.ts';
import { importJob } from './import-job.ts';
import { runImport, type ImportFile, type ImportKind } from './pipeline.ts';
import { storeImportFile } from './queries.ts';
import { detectFormat } from './reader.ts';
import * as schemas from './schemas.ts';
import { contentTypes } from './writer.ts';

const tags = ['Import og eksport'];
const readPermission: Record<ImportKind, Permission> = {
  systems: 'catalogue:read',
  org: 'org:read',
  services: 'map:read',
  'information-objects': 'map:read',
  integrations: 'map:read',
  technology: 'map:read',
};

/** The uploaded file of a multipart request (field `file`), held in memory up to the upload limit. */
async function uploadedFile(request: FastifyRequest, kind: ImportKind): Promise<{ file: ImportFile; content: Buffer }> {
  const part = await request.file();
  if (!part) throw new AppError('validation_failed', 'Legg ved en fil (CSV eller XLSX) i feltet «file».');
  const content = await part.toBuffer();
  const extension = part.filename.includes('.') ? part.filename.toLowerCase().split('.').pop() : undefined;
  if (extension && !['csv', 'xlsx', 'txt'].includes(extension)) {
    throw new AppError('validation_failed', `Filtypen .${extension} kan ikke importeres. Bruk CSV eller XLSX (Excel-arbeidsbok).`);
  }
  const format = detectFormat(part.filename, content.subarray(0, 4));
  return { file: { kind, fileName: part.filename || `import.${format}`, format, open: () => Readable.from([content]) }, content };
}

/**
 * Import and export as CSV or XLSX of the catalogue, the organisation and the rest of the model
 * (services, information objects, integrations, technology), and job progress.
 */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/import/:kind/preview',
    {
      schema: {
        tags,
        summary: 'Check a file and show what an import would change (multipart, field `file`)',
        consumes: ['multipart/form-data'],
        params: schemas.kindParams,
        response: { 200: schemas.importPreview },
      },
    },
    async (request) => {
      const auth = authorize(request, 'import:run');
      const { file } = await uploadedFile(request, request.params.kind);
      return runImport(app.db, auth.actor, file, { apply: false });
    },
  );

  app.post(
    '/import/:kind/apply',
    {
      schema: {
        tags,
        summary: 'Check a file, then import it in the background; poll GET /api/jobs/{id}',
        consumes: ['multipart/form-data'],
        params: schemas.kindParams,
        response: { 202: schemas.jobAccepted },
      },
    },
    async (request, reply) => {
      const auth = authorize(request, 'import:run');
      const { file, content } = await uploadedFile(request, request.params.kind);
      // Every row is checked now, so a bad file is refused at once with its problems.
      await runImport(app.db, auth.actor, file, { apply: false });
      const fileId = await inTenant(app.db, auth.actor, (tx) =>
        storeImportFile(tx, auth.actor.tenantId, { kind: file.kind, fileName: file.fileName, content }),
      );
      // Sent after the transaction above: on PGlite a send from inside it would wait for itself.
      const jobId = await app.jobs.send(importJob, auth.actor, { kind: file.kind, fileId, fileName: file.fileName, format: file.format });
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/jobs/:id',
    { schema: { tags: ['Jobber'], summary: 'Progress and outcome of a background job', params: schemas.jobParams, response: { 200: schemas.jobStatus } } },
    async (request) => {
      const auth = requireAuth(request);
      const job = await app.jobs.status(auth.actor, request.params.id);
      if (!job) throw notFound('jobben');
      return {
        id: job.id,
        kind: job.kind,
        state: job.state,
        progressDone: job.progressDone,
        progressTotal: job.progressTotal,
        result: job.result ?? null,
        error: job.error,
      };
    },
  );

  app.get(
    '/export/:kind',
    { schema: { tags, summary: 'Download the catalogue, the organisation, services, information objects, integrations or technology as CSV or XLSX', params: schemas.kindParams, querystring: schemas.formatQuery } },
    async (request, reply) => {
      const auth = authorize(request, readPermission[request.params.kind]);
      const { kind } = request.params;
      const { format } = request.query;
      const body = new PassThrough();
      writeExport(app.db, auth.actor, kind, format, body).catch((error) => request.log.error({ err: error }, 'export failed'));
      return reply
        .type(contentTypes[format])
        .header('content-disposition', `attachment; filename="${exportFileName(kind, format)}"`)
        .send(body);
    },
  );

  app.get(
    '/import/:kind/template',
    { schema: { tags, summary: 'An empty file with the columns an import reads', params: schemas.kindParams, querystring: schemas.formatQuery } },
    async (request, reply) => {
      authorize(request, readPermission[request.params.kind]);
      const { kind } = request.params;
      const { format } = request.query;
      const body = new PassThrough();
      writeTemplate(kind, format, body).catch((error) => request.log.error({ err: error }, 'template failed'));
      return reply
        .type(contentTypes[format])
        .header('content-disposition', `attachment; filename="${exportFileName(kind, format, true)}"`)
        .send(body);
    },
  );
};
