import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, isNotNull, isNull, like } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '../audit/tables.ts';
import { asCaller } from '../auth/request-context.ts';
import { apiTokens } from '../auth/tables.ts';
import { scimPrefix } from './routes.ts';
import { scimGroups, scimUsers } from './tables.ts';

const overview = z.object({
  endpoint: z.string(),
  tokens: z.array(z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime(), lastUsedAt: z.iso.datetime().nullable() })),
  counts: z.object({ linkedUsers: z.number().int(), deprovisionedUsers: z.number().int(), groups: z.number().int() }),
  activity: z.array(
    z.object({
      id: z.number().int(),
      occurredAt: z.iso.datetime(),
      actorName: z.string().nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      entityLabel: z.string().nullable(),
    }),
  ),
});

/** For the admin page: where the SCIM endpoint is, which tokens may use it, and what SCIM did lately. */
export const scimAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/scim/overview',
    { schema: { tags: ['SCIM 2.0'], summary: 'The SCIM endpoint, its tokens and recent SCIM activity', response: { 200: overview } } },
    (request) =>
      asCaller(request, 'tokens:manage', async (tx) => {
        const tokens = await tx
          .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
          .from(apiTokens)
          .where(and(eq(apiTokens.role, 'scim_client'), isNull(apiTokens.revokedAt)))
          .orderBy(apiTokens.name);
        const [linked] = await tx.select({ n: count() }).from(scimUsers).where(isNull(scimUsers.deprovisionedAt));
        const [gone] = await tx.select({ n: count() }).from(scimUsers).where(isNotNull(scimUsers.deprovisionedAt));
        const [groups] = await tx.select({ n: count() }).from(scimGroups);
        const activity = await tx
          .select({
            id: auditEvents.id,
            occurredAt: auditEvents.occurredAt,
            actorName: auditEvents.actorName,
            action: auditEvents.action,
            entityType: auditEvents.entityType,
            entityId: auditEvents.entityId,
            entityLabel: auditEvents.entityLabel,
          })
          .from(auditEvents)
          .where(like(auditEvents.actorName, 'SCIM: %'))
          .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
          .limit(50);
        return {
          endpoint: `${request.protocol}://${request.host}${scimPrefix}`,
          tokens: tokens.map((token) => ({ ...token, createdAt: token.createdAt.toISOString(), lastUsedAt: token.lastUsedAt?.toISOString() ?? null })),
          counts: { linkedUsers: linked?.n ?? 0, deprovisionedUsers: gone?.n ?? 0, groups: groups?.n ?? 0 },
          activity: activity.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
        };
      }),
  );
};
