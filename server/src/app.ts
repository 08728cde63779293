import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Database, Executor } from './platform/database/connection.ts';
import { packageRoot } from './platform/package-root.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import { registerProblemDetails } from './platform/http/problem-details.ts';
import { requestContext } from './modules/auth/request-context.ts';
import { apiModules } from './modules/index.ts';
import { scimPrefix, scimRoutes } from './modules/scim/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    /** The database as the owner role. Route handlers reach tenant data through `asCaller`. */
    db: Executor;
    jobs: JobQueue;
  }
}

export interface AppDependencies {
  config: Config;
  database: Database;
  jobs: JobQueue;
}

const webRoot = path.join(packageRoot, 'dist/web');

// Norwegian messages for validation errors; the web app shows them next to the field.
z.config(z.locales.no());

export async function buildApp({ config, database, jobs }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 50 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('jobs', jobs);
  registerProblemDetails(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...(config.oidc ? [new URL(config.oidc.issuer).origin] : [])],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.production,
  });
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Grunnmur API', version: '0.1.0', description: 'The municipality model: organisation, system catalogue, audit.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from `npx grunnmur token create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'grunnmur_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get(
    '/health',
    { schema: { hide: true }, config: { rateLimit: false } },
    async (_request, reply) => {
      try {
        await app.db.execute(sql`select 1`);
        return { status: 'ok', database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: database.kind });
      }
    },
  );

  await app.register(requestContext);
  for (const module of apiModules) await app.register(module, { prefix: '/api' });
  // SCIM 2.0 (RFC 7644) has its own base path, media type and error shape; see docs/decisions/0005.
  await app.register(scimRoutes, { prefix: scimPrefix });

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    // The web app routes in the browser: every other non-API GET gets index.html. A route, not a
    // not-found handler: problem-details already owns that one (and Fastify allows one per prefix).
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api') || request.url.startsWith('/scim')) {
        return reply.callNotFound();
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
