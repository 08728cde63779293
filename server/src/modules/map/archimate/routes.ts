import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../platform/http/app-error.ts';
import { can } from '../../auth/permissions.ts';
import { asCaller } from '../../auth/request-context.ts';
import { archimateIdentifiers, modelViews, type ViewNode } from '../tables.ts';
import { exportArchimate, importArchimate } from './store.ts';

const tags = ['Arkitekturkart'];

const viewNode: z.ZodType<ViewNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    elementRef: z.string().optional(),
    viewRef: z.string().optional(),
    type: z.string(),
    label: z.string().optional(),
    x: z.number(),
    y: z.number(),
    w: z.number(),
    h: z.number(),
    children: z.array(viewNode),
  }),
);

/** ArchiMate exchange files in and out, and the stored views with their layout. */
export const archimateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/map/archimate',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import an ArchiMate Open Exchange file (all or nothing; identifiers kept)',
        body: z.object({ xml: z.string().min(1, 'Filen er tom').max(20 * 1024 * 1024) }),
        response: {
          200: z.object({
            elements: z.number().int(),
            relationships: z.number().int(),
            views: z.number().int(),
            created: z.number().int(),
            updated: z.number().int(),
            mapped: z.record(z.string(), z.number().int()),
            notAllowed: z.object({ process: z.number().int(), role: z.number().int() }),
          }),
        },
      },
    },
    (request) =>
      asCaller(request, 'map:write', (tx, auth) =>
        importArchimate(tx, auth.actor, request.body.xml, { processes: can(auth.user.roles, 'processes:write'), roles: can(auth.user.roles, 'access:write') }),
      ),
  );

  app.get('/map/archimate', { schema: { tags, summary: 'The whole model as an ArchiMate Open Exchange file' } }, async (request, reply) => {
    const { xml } = await asCaller(request, 'map:read', (tx, auth) => exportArchimate(tx, auth.tenant.name, auth.tenant.id));
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.auth!.tenant.slug}-arkitektur.xml"`)
      .send(xml);
  });

  app.get(
    '/map/views',
    { schema: { tags, summary: 'Stored views (diagrams)', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), viewpoint: z.string() })) }) } } },
    (request) =>
      asCaller(request, 'map:read', async (tx) => ({
        items: await tx.select({ id: modelViews.id, name: modelViews.name, viewpoint: modelViews.viewpoint }).from(modelViews).orderBy(asc(modelViews.name)),
      })),
  );

  app.get(
    '/map/views/:id',
    {
      schema: {
        tags,
        summary: 'One stored view with its layout and the elements it shows',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.uuid(),
            name: z.string(),
            documentation: z.string(),
            nodes: z.array(viewNode),
            connections: z.array(z.object({ id: z.string(), relationshipRef: z.string().optional(), type: z.string(), source: z.string(), target: z.string() })),
            elements: z.record(z.string(), z.object({ name: z.string(), type: z.string(), kind: z.string(), id: z.string() })),
          }),
        },
      },
    },
    (request) =>
      asCaller(request, 'map:read', async (tx) => {
        const [view] = await tx.select().from(modelViews).where(eq(modelViews.id, request.params.id));
        if (!view) throw notFound('visningen');
        const refs = new Set<string>();
        const walk = (nodes: ViewNode[]) => nodes.forEach((n) => (n.elementRef && refs.add(n.elementRef), walk(n.children)));
        walk(view.layout.nodes);
        const known = await tx.select().from(archimateIdentifiers);
        const names = new Map<string, string>();
        const rows = await tx.execute(
          sql`select id::text, name from systems union all select id::text, name from services union all select id::text, name from information_objects
            union all select id::text, name from technology_components union all select id::text, name from processes
            union all select id::text, name from business_roles union all select id::text, name from model_elements`,
        );
        for (const r of ((rows as { rows?: { id: string; name: string }[] }).rows ?? (rows as unknown as { id: string; name: string }[]))) names.set(r.id, r.name);
        const elements: Record<string, { name: string; type: string; kind: string; id: string }> = {};
        for (const k of known) if (refs.has(k.identifier)) elements[k.identifier] = { name: names.get(k.objectId) ?? '', type: k.archimateType, kind: k.objectKind, id: k.objectId };
        return { id: view.id, name: view.name, documentation: view.documentation, nodes: view.layout.nodes, connections: view.layout.connections, elements };
      }),
  );
};
