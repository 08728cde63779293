import { sql } from 'drizzle-orm';
import type { Executor } from './connection.ts';
import { poolTransaction } from './pool-transaction.ts';

/** Who is acting, for which municipality: what every tenant-scoped unit of work carries. */
export interface Actor {
  tenantId: string;
  /** User id, `token:<id>` for an API token, or `system`. */
  actorId: string;
  actorName: string;
  requestId?: string;
}

/**
 * Runs `work` in one transaction as the restricted role grunnmur_app with the tenant set, so that
 * row-level security limits every statement to that tenant and the audit trigger knows the actor.
 * This is the only way route handlers and jobs reach tenant data.
 */
export function inTenant<T>(db: Executor, actor: Actor, work: (tx: Executor) => Promise<T>): Promise<T> {
  const settings: [string, string][] = [
    ['role', 'grunnmur_app'],
    ['app.tenant_id', actor.tenantId],
    ['app.actor_id', actor.actorId],
    ['app.actor_name', actor.actorName],
    ['app.request_id', actor.requestId ?? ''],
  ];
  // On a PostgreSQL server the settings travel with BEGIN in one round trip (see poolTransaction).
  const pooled = poolTransaction(
    db,
    (literal) => `select ${settings.map(([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`).join(', ')}`,
    work,
  );
  if (pooled) return pooled;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select ${sql.join(
      settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`),
      sql`, `,
    )}`);
    return work(tx as unknown as Executor);
  });
}

export function systemActor(tenantId: string, actorName = 'Grunnmur'): Actor {
  return { tenantId, actorId: 'system', actorName };
}
