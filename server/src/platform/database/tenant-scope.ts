import { sql } from 'drizzle-orm';
import type { Executor } from './connection.ts';

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
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', 'grunnmur_app', true),
      set_config('app.tenant_id', ${actor.tenantId}, true),
      set_config('app.actor_id', ${actor.actorId}, true),
      set_config('app.actor_name', ${actor.actorName}, true),
      set_config('app.request_id', ${actor.requestId ?? ''}, true)`);
    return work(tx as unknown as Executor);
  });
}

export function systemActor(tenantId: string, actorName = 'Grunnmur'): Actor {
  return { tenantId, actorId: 'system', actorName };
}
