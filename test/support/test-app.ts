import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import type { Database } from '../../server/src/platform/database/connection.ts';
import type { JobQueue } from '../../server/src/platform/jobs/job-queue.ts';
import { createJobQueue } from '../../server/src/modules/jobs.ts';
import { tenants } from '../../server/src/modules/tenants/tables.ts';
import { users, apiTokens } from '../../server/src/modules/auth/tables.ts';
import { hashToken, newToken } from '../../server/src/modules/auth/secrets.ts';
import type { AppRole } from '../../server/src/modules/auth/permissions.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  jobs: JobQueue;
  /** Creates a tenant and returns its id. */
  createTenant(slug: string, name?: string): Promise<string>;
  /** A bearer token with one role in a tenant: `{ authorization: 'Bearer …' }`. */
  tokenHeaders(tenantId: string, role: AppRole): Promise<Record<string, string>>;
  /** Creates a user and signs in through the demo route: cookie and CSRF headers. */
  sessionHeaders(tenantSlug: string, role: AppRole): Promise<Record<string, string>>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `env` adds environment variables to the test app's configuration (a low rate limit, OIDC, …). */
export async function createTestApp({ workJobs = false, env = {} as Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = { ...loadConfig({ GRUNNMUR_DEMO_LOGIN: 'on', LOG_LEVEL: 'warn', ...env }), demoData: false };
  const jobs = createJobQueue(database);
  await jobs.start({ work: workJobs });
  const app = await buildApp({ config, database, jobs });

  return {
    app,
    database,
    jobs,
    async createTenant(slug, name = slug) {
      const [tenant] = await database.db.insert(tenants).values({ slug, name }).returning();
      return tenant!.id;
    },
    async tokenHeaders(tenantId, role) {
      const token = newToken('gm_');
      await database.db.insert(apiTokens).values({ tenantId, name: `test-${role}`, role, tokenHash: hashToken(token) });
      return { authorization: `Bearer ${token}` };
    },
    async sessionHeaders(tenantSlug, role) {
      const [tenant] = (await database.db.select().from(tenants)).filter((row) => row.slug === tenantSlug);
      const [user] = await database.db
        .insert(users)
        .values({ tenantId: tenant!.id, displayName: `Test ${role}`, roles: [role] })
        .returning();
      const response = await app.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: tenantSlug, userId: user!.id } });
      const cookie = response.cookies.find((c) => c.name === 'grunnmur_session')!;
      return { cookie: `grunnmur_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken };
    },
    inject: (options) => app.inject(options),
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
