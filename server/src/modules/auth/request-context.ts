import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { tenants } from '../tenants/tables.ts';
import { CallerCache } from './caller-cache.ts';
import { can, type Permission } from './permissions.ts';
import { hashToken, sameSecret } from './secrets.ts';
import { apiTokens, sessions, users } from './tables.ts';

export const sessionCookie = 'grunnmur_session';
export const csrfHeader = 'x-csrf-token';

/** Who is calling, resolved once per request from the session cookie or the bearer token. */
export interface AuthContext {
  tenant: { id: string; slug: string; name: string };
  user: { id: string; displayName: string; personId: string | null; roles: string[] };
  via: 'session' | 'token';
  csrfToken?: string;
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** Forgets a session or API token this process remembers (sign-out, revocation). */
    forgetCaller(secret: string): void;
  }
}

// Every request looks up its caller, so these two run as named prepared statements: PostgreSQL
// plans them once per connection. Built once per database.
function prepareLookups(db: Executor) {
  return {
    session: db
      .select({ session: sessions, user: users, tenant: tenants })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql`now()`)))
      .prepare('auth_session_lookup'),
    bearer: db
      .select({ token: apiTokens, tenant: tenants })
      .from(apiTokens)
      .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
      .prepare('auth_token_lookup'),
  };
}
const lookups = new WeakMap<Executor, ReturnType<typeof prepareLookups>>();
function lookupsFor(db: Executor) {
  let prepared = lookups.get(db);
  if (!prepared) lookups.set(db, (prepared = prepareLookups(db)));
  return prepared;
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof prepareLookups>['session']['execute']>>[number];
type BearerRow = Awaited<ReturnType<ReturnType<typeof prepareLookups>['bearer']['execute']>>[number];

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves `request.auth` and enforces CSRF protection for cookie sessions. */
export const requestContext = fp(async (app: FastifyInstance) => {
  const sessionsSeen = new CallerCache<SessionRow>(app.config.callerCacheMs);
  const tokensSeen = new CallerCache<BearerRow>(app.config.callerCacheMs);
  app.decorate('forgetCaller', (secret: string) => {
    const hash = hashToken(secret);
    sessionsSeen.forget(hash);
    tokensSeen.forget(hash);
  });

  async function fromSession(token: string): Promise<SessionRow | undefined> {
    const hash = hashToken(token);
    const seen = sessionsSeen.get(hash);
    if (seen) return seen;
    const [row] = await lookupsFor(app.db).session.execute({ hash });
    if (row) sessionsSeen.set(hash, row, row.session.expiresAt);
    return row;
  }

  async function fromBearer(token: string): Promise<BearerRow | undefined> {
    const hash = hashToken(token);
    const seen = tokensSeen.get(hash);
    if (seen) return seen;
    const [row] = await lookupsFor(app.db).bearer.execute({ hash });
    if (row) tokensSeen.set(hash, row);
    return row;
  }

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const row = await fromBearer(bearer.trim());
      if (!row) throw new AppError('unauthenticated', 'API-nøkkelen er ukjent eller trukket tilbake.');
      const actorId = `token:${row.token.id}`;
      request.auth = {
        tenant: row.tenant,
        user: { id: actorId, displayName: `API: ${row.token.name}`, personId: null, roles: [row.token.role] },
        via: 'token',
        actor: { tenantId: row.tenant.id, actorId, actorName: `API: ${row.token.name}`, requestId: request.id },
      };
      // Last use is informational: written at most once a minute, and not awaited on the request path.
      if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
        row.token.lastUsedAt = new Date();
        void app.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token.id)).catch(() => undefined);
      }
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (!cookie) return;
    const row = await fromSession(cookie);
    if (!row) return;
    request.auth = {
      tenant: row.tenant,
      user: { id: row.user.id, displayName: row.user.displayName, personId: row.user.personId, roles: row.user.roles },
      via: 'session',
      csrfToken: row.session.csrfToken,
      actor: { tenantId: row.tenant.id, actorId: row.user.id, actorName: row.user.displayName, requestId: request.id },
    };
    if (unsafeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || !sameSecret(sent, row.session.csrfToken)) throw new AppError('csrf_failed');
    }
  });
});

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}

/** The pipeline's authorize step: the caller must be signed in and hold the permission. */
export function authorize(request: FastifyRequest, permission: Permission): AuthContext {
  const auth = requireAuth(request);
  if (!can(auth.user.roles, permission)) throw new AppError('forbidden');
  return auth;
}

/** Runs tenant-scoped work as the caller, after checking the permission. */
export function asCaller<T>(request: FastifyRequest, permission: Permission, work: (tx: Executor, auth: AuthContext) => Promise<T>): Promise<T> {
  const auth = authorize(request, permission);
  return inTenant(request.server.db, auth.actor, (tx) => work(tx, auth));
}
