import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { asCaller } from '../auth/request-context.ts';
import { contentTypes, tableWriter } from '../transfer/writer.ts';
import { cachedGraph } from './graph/graph-cache.ts';
import { nodeKinds } from './impact/graph.ts';
import { matrixFromGraph, matrixKinds, matrixTable, systemsUnits, type MatrixKind } from './matrices.ts';
import { assessQuality, qualityIssues } from './quality/score.ts';

const tags = ['Arkitekturkart'];

async function sendTable(reply: FastifyReply, format: 'csv' | 'xlsx', fileName: string, table: (string | number | null)[][]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const writer = tableWriter(format, out, fileName.slice(0, 30));
  for (const row of table) await writer.row(row);
  await writer.end();
  await done;
  return reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', `attachment; filename="${fileName}.${format}"`)
    .send(Buffer.concat(chunks));
}

const corner: Record<MatrixKind, string> = {
  'systems-units': 'System \\ enhet',
  'systems-information': 'System \\ informasjonstype',
  'processes-systems': 'Prosess \\ system',
  'roles-systems': 'Rolle \\ system',
};

/**
 * Matrices and model quality. The model's lists as CSV/XLSX are the transfer module's export
 * (`/api/export/services` …), in the same columns its import reads.
 */
export const mapReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const matrixQuery = z.object({ q: z.string().max(200).optional(), format: z.enum(['json', 'csv', 'xlsx']).default('json') });
  app.get(
    '/map/matrices/:kind',
    {
      schema: {
        tags,
        summary: 'A matrix (systems × units, systems × information objects, processes × systems, roles × systems); ?format=csv|xlsx downloads it',
        params: z.object({ kind: z.enum(matrixKinds) }),
        querystring: matrixQuery,
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const matrix = await asCaller(request, 'map:read', async (tx, auth) =>
        kind === 'systems-units' ? systemsUnits(tx, request.query.q) : matrixFromGraph((await cachedGraph(tx, auth.tenant.id)).graph, kind, request.query.q),
      );
      if (request.query.format === 'json') return matrix;
      return sendTable(reply, request.query.format, `matrise-${kind}`, matrixTable(matrix, corner[kind]));
    },
  );

  app.get(
    '/map/quality',
    {
      schema: {
        tags,
        summary: 'Model quality: completeness per object and per area, and what to fix',
        response: {
          200: z.object({
            areas: z.array(z.object({ kind: z.enum(nodeKinds), objects: z.number().int(), score: z.number(), toFix: z.number().int() })),
            objects: z.array(z.object({ id: z.string(), kind: z.enum(nodeKinds), name: z.string(), score: z.number(), missing: z.array(z.enum(qualityIssues)) })),
            overall: z.number(),
            rosModuleMissing: z.boolean(),
          }),
        },
      },
    },
    (request) =>
      asCaller(request, 'map:read', async (tx, auth) => {
        const { objects, areas } = assessQuality((await cachedGraph(tx, auth.tenant.id)).graph);
        const overall = objects.length ? Math.round(objects.reduce((s, o) => s + o.score, 0) / objects.length) : 100;
        return { areas, objects, overall, rosModuleMissing: true };
      }),
  );
};
