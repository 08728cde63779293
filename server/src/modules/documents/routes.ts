import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { asCaller } from '../auth/request-context.ts';
import { extensionOf, maxDocumentBytes } from './formats/content-types.ts';
import { deleteDocument, documentFile, documentPath, getDocument, linkDocument, listDocuments, unlinkDocument } from './queries.ts';
import * as schemas from './schemas.ts';
import { storeDocument } from './store.ts';

const tags = ['Dokumenter'];

/** Documents [dokumenter]: routines, templates and forms, versioned, linked to processes. */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/documents',
    { schema: { tags, summary: 'List documents', querystring: schemas.documentListQuery, response: { 200: schemas.documentPage } } },
    (request) => asCaller(request, 'portal:read', (tx) => listDocuments(tx, request.query)),
  );

  app.get(
    '/documents/:id',
    { schema: { tags, summary: 'One document with its versions and processes', params: schemas.idParams, response: { 200: schemas.documentDetail } } },
    (request) => asCaller(request, 'portal:read', (tx) => getDocument(tx, request.params.id)),
  );

  app.get(
    '/documents/:id/file',
    { schema: { tags, summary: 'Download a document (the current version unless ?version=)', params: schemas.idParams, querystring: schemas.fileQuery } },
    async (request, reply) => {
      const file = await asCaller(request, 'portal:read', (tx) => documentFile(tx, request.params.id, request.query.version));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Upload a document or a new version of one (multipart: `file`, optional `path`, `processId`)',
        consumes: ['multipart/form-data'],
        response: { 201: schemas.storedDocument },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: maxDocumentBytes + 1 } });
      if (!part) throw new AppError('validation_failed', 'Legg ved en fil i feltet «file».');
      const bytes = await part.toBuffer();
      const field = (name: string) => {
        const value = part.fields[name];
        return value && !Array.isArray(value) && value.type === 'field' ? String(value.value) : undefined;
      };
      const path = field('path') || part.filename;
      const processId = field('processId');
      if (processId && !z.uuid().safeParse(processId).success) throw new AppError('validation_failed', 'processId er ikke en gyldig id.');
      const stored = await asCaller(request, 'portal:write', async (tx, auth) => {
        const result = await storeDocument(tx, auth.actor, { path, bytes });
        if (processId) await linkDocument(tx, auth.tenant.id, processId, result.documentId);
        return result;
      });
      return reply.status(201).send(stored);
    },
  );

  app.post(
    '/documents/:id/versions',
    {
      schema: {
        tags,
        summary: 'Upload a new version of a document (multipart: `file`, of the same file type as the document)',
        consumes: ['multipart/form-data'],
        params: schemas.idParams,
        response: { 201: schemas.storedDocument },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: maxDocumentBytes + 1 } });
      if (!part) throw new AppError('validation_failed', 'Legg ved en fil i feltet «file».');
      const bytes = await part.toBuffer();
      const stored = await asCaller(request, 'portal:write', async (tx, auth) => {
        const path = await documentPath(tx, request.params.id);
        const wanted = extensionOf(path);
        if (extensionOf(part.filename) !== wanted) {
          throw new AppError('validation_failed', `Den nye versjonen må være samme filtype som dokumentet (.${wanted}).`, [{ field: 'file', message: `Velg en .${wanted}-fil` }]);
        }
        return storeDocument(tx, auth.actor, { path, bytes });
      });
      return reply.status(201).send(stored);
    },
  );

  app.delete(
    '/documents/:id',
    { schema: { tags, summary: 'Remove a document and all its versions', params: schemas.idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'portal:write', (tx) => deleteDocument(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/portal/processes/:id/documents',
    { schema: { tags, summary: 'Link a document to a process', params: schemas.idParams, body: schemas.linkBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'portal:write', (tx, auth) => linkDocument(tx, auth.tenant.id, request.params.id, request.body.documentId));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/portal/processes/:id/documents/:documentId',
    { schema: { tags, summary: 'Unlink a document from a process', params: schemas.linkParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await asCaller(request, 'portal:write', (tx) => unlinkDocument(tx, request.params.id, request.params.documentId));
      return reply.status(204).send(null);
    },
  );
};
