import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../server/src/modules/tenants/tables.ts';
import { positions } from '../../server/src/modules/org/tables.ts';
import type { Database } from '../../server/src/platform/database/connection.ts';
import { inTenant, type Actor } from '../../server/src/platform/database/tenant-scope.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** inTenant: one transaction as grunnmur_app with the tenant and actor set (on both databases). */
describe('inTenant', () => {
  let database: Database;
  let actor: Actor;
  const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

  beforeAll(async () => {
    database = await openTestDatabase();
    const [tenant] = await database.db.insert(tenants).values({ slug: 'scope', name: 'Scope kommune' }).returning();
    // A quote and a backslash in the name prove the settings are escaped, not pasted.
    actor = { tenantId: tenant!.id, actorId: 'user-1', actorName: "Kari O'Neill \\ Nordmann", requestId: 'req-1' };
  });
  afterAll(() => database?.close());

  it('runs as the application role with the tenant, actor and request set', async () => {
    const [row] = rowsOf(
      await inTenant(database.db, actor, (tx) =>
        tx.execute(sql`select current_user as role, current_setting('app.tenant_id') as tenant, current_setting('app.actor_name') as actor,
                              current_setting('app.request_id') as request`),
      ),
    );
    expect(row).toEqual({ role: 'grunnmur_app', tenant: actor.tenantId, actor: actor.actorName, request: 'req-1' });
  });

  it('leaves nothing of a unit of work that fails, and the next one runs normally', async () => {
    await expect(
      inTenant(database.db, actor, async (tx) => {
        await tx.insert(positions).values({ tenantId: actor.tenantId, title: 'Forkastet stilling' });
        throw new Error('avbrutt');
      }),
    ).rejects.toThrow('avbrutt');
    const titles = await inTenant(database.db, actor, (tx) => tx.select({ title: positions.title }).from(positions));
    expect(titles).toEqual([]);
    // The settings were local to the transaction: the connection is back to the owner role.
    const [after] = rowsOf(await database.db.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant`));
    expect(after!.role).not.toBe('grunnmur_app');
    expect(after!.tenant ?? '').toBe('');
  });

  it('rolls back a nested transaction to its savepoint and keeps the outer work', async () => {
    await inTenant(database.db, actor, async (tx) => {
      await tx.insert(positions).values({ tenantId: actor.tenantId, title: 'Beholdt stilling' });
      await tx
        .transaction(async (inner) => {
          await inner.insert(positions).values({ tenantId: actor.tenantId, title: 'Angret stilling' });
          throw new Error('angret');
        })
        .catch(() => undefined);
    });
    const titles = await inTenant(database.db, actor, (tx) => tx.select({ title: positions.title }).from(positions).where(eq(positions.tenantId, actor.tenantId)));
    expect(titles).toEqual([{ title: 'Beholdt stilling' }]);
  });

  it('records the actor exactly in the audit log', async () => {
    const [event] = rowsOf(
      await database.db.execute(sql`select actor_name from audit_events where tenant_id = ${actor.tenantId} and entity_type = 'positions' order by occurred_at desc limit 1`),
    );
    expect(event!.actor_name).toBe(actor.actorName);
  });
});
