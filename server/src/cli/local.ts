/** The CLI on the same database as the server: opened, migrated and given the demo like `npm start`. */
import os from 'node:os';
import { eq } from 'drizzle-orm';
import { startRuntime, type Runtime } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { DatabaseLockedError } from '../platform/database/connection.ts';
import type { Actor } from '../platform/database/tenant-scope.ts';
import { tenants } from '../modules/tenants/tables.ts';
import { lockedMessage, say } from './output.ts';

export class CliFailure extends Error {}

export async function withTenant<T>(slug: string, work: (runtime: Runtime, actor: Actor) => Promise<T>): Promise<T> {
  let runtime: Runtime;
  try {
    runtime = await startRuntime({ ...loadConfig(), logLevel: 'warn' });
    await runtime.jobs.start({ work: false });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      say(lockedMessage(error.dataDir));
      throw new CliFailure();
    }
    throw error;
  }
  try {
    const [tenant] = await runtime.database.db.select().from(tenants).where(eq(tenants.slug, slug));
    if (!tenant) {
      const known = (await runtime.database.db.select({ slug: tenants.slug }).from(tenants)).map((row) => row.slug);
      say(`Fant ingen kommune med kortnavn «${slug}». Kjente: ${known.join(', ') || '(ingen)'}`);
      throw new CliFailure();
    }
    const actor: Actor = { tenantId: tenant.id, actorId: 'cli', actorName: `Kommandolinje (${os.userInfo().username})` };
    return await work(runtime, actor);
  } finally {
    await runtime.close();
  }
}
