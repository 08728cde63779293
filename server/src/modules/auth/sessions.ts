import type { FastifyReply } from 'fastify';
import { eq, lt } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { auditEvents } from '../audit/tables.ts';
import { sessionCookie } from './request-context.ts';
import { hashToken, newToken } from './secrets.ts';
import { sessions } from './tables.ts';

const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** Starts a browser session for a user and records the sign-in in the audit log. */
export async function startSession(
  db: Executor,
  reply: FastifyReply,
  user: { id: string; tenantId: string; displayName: string },
  method: 'demo' | 'oidc',
  secure: boolean,
) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  // Expired sessions are refused anyway; clearing them here keeps the table from growing forever.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({ tokenHash: hashToken(token), tenantId: user.tenantId, userId: user.id, csrfToken, expiresAt });
  await inTenant(db, { tenantId: user.tenantId, actorId: user.id, actorName: user.displayName }, (tx) =>
    tx.insert(auditEvents).values({
      tenantId: user.tenantId,
      actorId: user.id,
      actorName: user.displayName,
      action: 'sign_in',
      entityType: 'users',
      entityId: user.id,
      entityLabel: user.displayName,
      after: { method },
    }),
  );
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
  return { csrfToken };
}

export async function endSession(db: Executor, reply: FastifyReply, token: string | undefined) {
  if (token) {
    await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    reply.server.forgetCaller(token);
  }
  reply.clearCookie(sessionCookie, { path: '/' });
}
