import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { employments, orgUnits, positions } from '../org/tables.ts';
import { tenants } from '../tenants/tables.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { permissionsOf } from './permissions.ts';
import { requireAuth, sessionCookie } from './request-context.ts';
import * as schemas from './schemas.ts';
import { endSession, startSession } from './sessions.ts';
import { users } from './tables.ts';

const tags = ['Innlogging'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secureCookies = app.config.publicUrl.startsWith('https://');
  await app.register(oidcRoutes);

  app.get(
    '/auth/options',
    { schema: { tags, summary: 'How one can sign in here', response: { 200: schemas.signInOptions } } },
    async () => ({
      demo: app.config.demoLogin,
      oidc: Boolean(app.config.oidc),
      tenants: await app.db.select({ slug: tenants.slug, name: tenants.name }).from(tenants).orderBy(asc(tenants.name)),
    }),
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'Who am I', response: { 200: schemas.me } } },
    (request) => {
      const auth = requireAuth(request);
      return { tenant: auth.tenant, user: auth.user, permissions: [...permissionsOf(auth.user.roles)], csrfToken: auth.csrfToken };
    },
  );

  app.get(
    '/auth/demo-users',
    {
      schema: {
        tags,
        summary: 'Demo people to sign in as (demo mode only)',
        querystring: z.object({ tenant: z.string().default('demo') }),
        response: { 200: z.array(schemas.demoUser) },
      },
    },
    async (request) => {
      if (!app.config.demoLogin) throw new AppError('forbidden', 'Demo-innlogging er slått av.');
      const rows = await app.db
        .select({
          id: users.id,
          displayName: users.displayName,
          roles: users.roles,
          position: positions.title,
          unit: orgUnits.name,
        })
        .from(users)
        .innerJoin(tenants, eq(tenants.id, users.tenantId))
        .leftJoin(employments, and(eq(employments.personId, users.personId), eq(employments.isPrimary, true)))
        .leftJoin(positions, eq(positions.id, employments.positionId))
        .leftJoin(orgUnits, eq(orgUnits.id, employments.orgUnitId))
        .where(and(eq(tenants.slug, request.query.tenant), sql`cardinality(${users.roles}) > 0`))
        .orderBy(asc(users.displayName));
      return rows;
    },
  );

  app.post(
    '/auth/demo-sign-in',
    { schema: { tags, summary: 'Sign in as a demo person', body: schemas.demoSignIn, response: { 200: z.object({ csrfToken: z.string() }) } } },
    async (request, reply) => {
      if (!app.config.demoLogin) throw new AppError('forbidden', 'Demo-innlogging er slått av.');
      const [user] = await app.db
        .select({ id: users.id, tenantId: users.tenantId, displayName: users.displayName })
        .from(users)
        .innerJoin(tenants, eq(tenants.id, users.tenantId))
        .where(and(eq(users.id, request.body.userId), eq(tenants.slug, request.body.tenant)));
      if (!user) throw new AppError('not_found', 'Fant ikke denne demobrukeren.');
      return startSession(app.db, reply, user, 'demo', secureCookies);
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      await endSession(app.db, reply, request.cookies[sessionCookie]);
      return reply.status(204).send(null);
    },
  );
};
