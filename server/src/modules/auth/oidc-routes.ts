import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { tenants } from '../tenants/tables.ts';
import { decodePending, encodePending, OidcClient, OidcError, pendingSignInLifetimeMs, type OidcFailure } from './oidc.ts';
import { findOrCreateOidcUser } from './oidc-users.ts';
import { sessionCookie } from './request-context.ts';
import { hashToken } from './secrets.ts';
import { startSession } from './sessions.ts';
import { sessions } from './tables.ts';

const tags = ['Innlogging'];

/**
 * GET /auth/oidc/start and /auth/oidc/callback. Both answer with redirects only: the browser is
 * mid-navigation, so a failure becomes `/sign-in?error=<code>` for the web app to explain.
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  const secure = config.publicUrl.startsWith('https://');
  // Under https the __Host- prefix stops a sibling subdomain from planting its own pending sign-in.
  const pendingCookie = secure ? '__Host-grunnmur_oidc' : 'grunnmur_oidc';
  const redirectUri = `${config.publicUrl.replace(/\/+$/, '')}/api/auth/oidc/callback`;
  const oidc = config.oidc ? new OidcClient(config.oidc, redirectUri, config.production) : undefined;

  const failed = (reply: FastifyReply, failure: OidcFailure, error?: unknown) => {
    app.log.warn({ err: error, failure }, 'OpenID Connect sign-in failed');
    return reply.redirect(`/sign-in?error=${failure}`, 303);
  };

  app.get(
    '/auth/oidc/start',
    {
      schema: {
        tags,
        summary: 'Start signing in with OpenID Connect (redirects to the provider)',
        querystring: z.object({ returnTo: z.string().optional(), tenant: z.string().optional() }),
      },
    },
    async (request, reply) => {
      if (!oidc) return failed(reply, 'oidc_not_configured');
      try {
        const { url, pending } = await oidc.start(request.query.returnTo ?? '/');
        reply.setCookie(pendingCookie, encodePending(pending), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: pendingSignInLifetimeMs / 1000,
        });
        return reply.redirect(url.href, 303);
      } catch (error) {
        return failed(reply, error instanceof OidcError ? error.failure : 'oidc_unavailable', error);
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    { schema: { tags, summary: 'Where the OpenID Connect provider sends the browser back' } },
    async (request, reply) => {
      if (!oidc) return failed(reply, 'oidc_not_configured');
      const pending = decodePending(request.cookies[pendingCookie]);
      // One attempt per started sign-in, whatever happens next.
      reply.clearCookie(pendingCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      try {
        const identity = await oidc.finish(request.url.split('?')[1] ?? '', pending);
        const [tenant] = await app.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, oidc.settings.tenantSlug));
        if (!tenant) throw new OidcError('oidc_tenant_missing', `No tenant with slug ${oidc.settings.tenantSlug}`);
        const user = await inTenant(app.db, { tenantId: tenant.id, actorId: 'oidc', actorName: 'OpenID Connect', requestId: request.id }, (tx) =>
          findOrCreateOidcUser(tx, tenant.id, identity),
        );
        // A browser that was signed in as someone else does not keep that session alongside.
        const previous = request.cookies[sessionCookie];
        if (previous) {
          await app.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(previous)));
          app.forgetCaller(previous);
        }
        await startSession(app.db, reply, user, 'oidc', secure);
        return reply.redirect(pending!.returnTo, 303);
      } catch (error) {
        return failed(reply, error instanceof OidcError ? error.failure : 'oidc_failed', error);
      }
    },
  );
};
