/**
 * A SCIM 2.0 service the project did not write: SCIMMY's resource handling behind scimmy-routers
 * on express, with an in-memory store. The SCIM client connector is tested against it.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

type Stored = Record<string, unknown> & { id: string; meta?: Record<string, unknown> };

export interface ScimPeer {
  baseUrl: string;
  token: string;
  users: Map<string, Stored>;
  groups: Map<string, Stored>;
  /** Adds a group directly (as the target system's own administration would). */
  addGroup(displayName: string): string;
  /** Makes the next `n` requests fail with 503, to prove retrying. */
  failNext(n: number): void;
  stop(): Promise<void>;
}

let declared = false;
const stores = { users: new Map<string, Stored>(), groups: new Map<string, Stored>() };

function declareResources() {
  if (declared) return;
  declared = true;
  const handlers = (store: Map<string, Stored>) => ({
    ingress: (resource: { id?: string }, instance: Record<string, unknown>) => {
      const id = resource.id ?? randomUUID();
      if (!resource.id && store === stores.users && [...store.values()].some((u) => String(u.userName).toLowerCase() === String(instance.userName).toLowerCase())) {
        throw new SCIMMY.Types.Error(409, 'uniqueness', 'userName is already taken');
      }
      if (resource.id && !store.has(id)) throw new SCIMMY.Types.Error(404, null!, `Resource ${id} not found`);
      const now = new Date();
      const previous = store.get(id);
      const saved: Stored = { ...JSON.parse(JSON.stringify(instance)), id, meta: { created: previous?.meta?.created ?? now, lastModified: now } };
      store.set(id, saved);
      return saved;
    },
    egress: (resource: { id?: string; filter?: { match(values: unknown[]): unknown[] } }) => {
      if (resource.id) {
        const found = store.get(resource.id);
        if (!found) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
        return found;
      }
      const all = [...store.values()];
      return resource.filter ? (resource.filter.match(all) as Stored[]) : all;
    },
    degress: (resource: { id?: string }) => {
      if (!resource.id || !store.delete(resource.id)) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
    },
  });
  const users = handlers(stores.users);
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress(users.ingress as never)
    .egress(users.egress as never)
    .degress(users.degress as never);
  const groups = handlers(stores.groups);
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(groups.ingress as never)
    .egress(groups.egress as never)
    .degress(groups.degress as never);
}

export async function startScimPeer(): Promise<ScimPeer> {
  declareResources();
  stores.users.clear();
  stores.groups.clear();
  const token = `peer-${randomUUID()}`;
  let failures = 0;
  const app = express();
  app.use((_request, response, next) => {
    if (failures > 0) {
      failures -= 1;
      response.status(503).json({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '503', detail: 'Midlertidig utilgjengelig' });
      return;
    }
    next();
  });
  // Express 5 parses req.query anew on every read, so the routers' cast of startIndex/count to
  // numbers would be lost; give the request a plain, writable query object first.
  app.use((request, _response, next) => {
    Object.defineProperty(request, 'query', { value: { ...request.query }, writable: true, configurable: true });
    next();
  });
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      docUri: 'https://example.test/scim',
      handler: (request: express.Request) => {
        if (request.header('authorization') !== `Bearer ${token}`) throw new Error('Authorization failed');
        return 'grunnmur';
      },
    }) as unknown as express.Router,
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    token,
    users: stores.users,
    groups: stores.groups,
    addGroup(displayName) {
      const id = randomUUID();
      stores.groups.set(id, { id, schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName, members: [], meta: { created: new Date(), lastModified: new Date() } });
      return id;
    },
    failNext(n) {
      failures = n;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
