import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { asCaller } from '../auth/request-context.ts';
import { getClassifications, listCodeLists, listCodeValues, loadCodeList, setClassifications } from './queries.ts';
import { codeListKinds } from './tables.ts';

const tags = ['Kodelister og klassifisering'];
const idParams = z.object({ id: z.uuid() });
const classification = z.object({ id: z.uuid(), code: z.string(), name: z.string(), list: z.string(), listKey: z.string() });

/** Code lists (KOSTRA, KLE, FORM, own) loaded from CSV per municipality, and process classification. */
export const classificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/code-lists',
    {
      schema: {
        tags,
        summary: 'Code lists of the municipality',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string(), kind: z.enum(codeListKinds), values: z.number() })) }) },
      },
    },
    (request) => asCaller(request, 'portal:read', (tx) => listCodeLists(tx)),
  );

  app.get(
    '/code-lists/:id/values',
    {
      schema: {
        tags,
        summary: 'Codes of one list',
        params: idParams,
        querystring: z.object({ q: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), parentCode: z.string().nullable() })) }) },
      },
    },
    (request) => asCaller(request, 'portal:read', (tx) => listCodeValues(tx, request.params.id, request.query.q)),
  );

  app.post(
    '/code-lists',
    {
      schema: {
        tags,
        summary: 'Load a code list from CSV (multipart: `file`, `key`, `name`, `kind`); columns kode, navn, overordnet',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.uuid(), key: z.string(), loaded: z.number() }) },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: 5 * 1024 * 1024 } });
      if (!part) throw new AppError('validation_failed', 'Legg ved en CSV-fil i feltet «file».');
      const csv = (await part.toBuffer()).toString('utf8');
      const field = (name: string) => {
        const value = part.fields[name];
        return value && !Array.isArray(value) && value.type === 'field' ? String(value.value).trim() : '';
      };
      const parsed = z
        .object({ key: z.string().regex(/^[a-z0-9_-]{2,40}$/, 'Nøkkelen kan ha små bokstaver, tall, - og _ (2–40 tegn).'), name: z.string().min(1).max(200), kind: z.enum(codeListKinds) })
        .safeParse({ key: field('key'), name: field('name') || field('key'), kind: field('kind') || 'own' });
      if (!parsed.success) {
        throw new AppError('validation_failed', 'Kodelisten trenger en nøkkel og et navn.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      }
      const loaded = await asCaller(request, 'portal:write', (tx, auth) => loadCodeList(tx, auth.tenant.id, { ...parsed.data, csv }));
      return reply.status(201).send(loaded);
    },
  );

  app.get(
    '/portal/processes/:id/classifications',
    { schema: { tags, summary: 'Classifications of a process', params: idParams, response: { 200: z.object({ items: z.array(classification) }) } } },
    (request) => asCaller(request, 'portal:read', (tx) => getClassifications(tx, request.params.id)),
  );

  app.put(
    '/portal/processes/:id/classifications',
    {
      schema: {
        tags,
        summary: 'Set the classifications of a process',
        params: idParams,
        body: z.object({ valueIds: z.array(z.uuid()).max(50) }),
        response: { 200: z.object({ items: z.array(classification) }) },
      },
    },
    (request) => asCaller(request, 'portal:write', (tx, auth) => setClassifications(tx, auth.tenant.id, request.params.id, request.body.valueIds)),
  );
};
