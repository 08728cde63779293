import path from 'node:path';
import { z } from 'zod';

/** Everything the app reads from the environment, parsed once and validated. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Server processes sharing the port (PostgreSQL only: PGlite is held by one process). */
  GRUNNMUR_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  GRUNNMUR_DATA: z.string().default('./data'),
  /** Demo sign-in (one click per demo person). On by default with the embedded database. */
  GRUNNMUR_DEMO_LOGIN: z.enum(['on', 'off']).optional(),
  /** Load the demo municipalities into an empty database. */
  GRUNNMUR_DEMO_DATA: z.enum(['on', 'off']).default('on'),
  GRUNNMUR_PUBLIC_URL: z.string().url().optional(),
  GRUNNMUR_RATE_LIMIT: z.coerce.number().int().positive().default(1000),
  /** How long a resolved session or API token is remembered per process (0 turns it off). */
  GRUNNMUR_CALLER_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  /** An SMTP server for notices by e-mail, e.g. smtp://user:password@smtp.kommune.no:587; none = notices only in the app. */
  GRUNNMUR_SMTP_URL: z.string().url().optional(),
  GRUNNMUR_MAIL_FROM: z.string().default('Grunnmur <ikke-svar@grunnmur.local>'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** Tenant slug that users signing in through OIDC belong to. */
  OIDC_TENANT: z.string().default('demo'),
  OIDC_SCOPES: z.string().default('openid email profile'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const embedded = !env.DATABASE_URL;
  return {
    port: env.PORT,
    workers: embedded ? 1 : env.GRUNNMUR_WORKERS,
    host: env.HOST,
    database: embedded
      ? ({ kind: 'pglite', dataDir: path.resolve(env.GRUNNMUR_DATA, 'pglite') } as const)
      : ({ kind: 'postgres', url: env.DATABASE_URL! } as const),
    demoLogin: env.GRUNNMUR_DEMO_LOGIN ? env.GRUNNMUR_DEMO_LOGIN === 'on' : embedded,
    demoData: env.GRUNNMUR_DEMO_DATA === 'on',
    publicUrl: env.GRUNNMUR_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    rateLimitPerMinute: env.GRUNNMUR_RATE_LIMIT,
    callerCacheMs: env.GRUNNMUR_CALLER_CACHE_SECONDS * 1000,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            tenantSlug: env.OIDC_TENANT,
            scopes: env.OIDC_SCOPES,
          }
        : undefined,
    mail: env.GRUNNMUR_SMTP_URL ? { url: env.GRUNNMUR_SMTP_URL, from: env.GRUNNMUR_MAIL_FROM } : undefined,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === 'production',
  };
}
