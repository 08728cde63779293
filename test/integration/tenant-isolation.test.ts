/// <reference types="vite/client" />
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users, apiTokens } from '../../server/src/modules/auth/tables.ts';
import { hashToken, newToken } from '../../server/src/modules/auth/secrets.ts';
import { licencePools, systems } from '../../server/src/modules/catalogue/tables.ts';
import { employments, orgUnits, persons, positions } from '../../server/src/modules/org/tables.ts';
import { importFiles } from '../../server/src/modules/transfer/tables.ts';
import { jobRuns } from '../../server/src/platform/jobs/tables.ts';
import type { Executor } from '../../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Two municipalities on one installation never see or change each other's data. Tenant B's rows
 * all carry the word BETA_SECRET (or are known by id); tenant A works through every route of the
 * API and every table under the application role, and must never meet either.
 *
 * Tables and routes are discovered (information_schema, the OpenAPI document), so what other
 * modules add later is covered without editing this file; seeding knows today's tables.
 */

const secret = 'BETA_SECRET';

type Ids = Record<string, string[]>;

/**
 * Modules added after the foundation seed their own tables in `tenant-seeds/<module>.ts`, each
 * exporting `seedTenant(db, tenantId, mark, base)` where `base` holds the ids seeded so far (persons,
 * org_units, positions, employments, systems, …). Rows must carry `mark` in a text column.
 */
type ModuleSeed = (db: Executor, tenantId: string, mark: string, base: Ids) => Promise<Ids>;
const moduleSeeds = Object.entries(import.meta.glob<ModuleSeed>('./tenant-seeds/*.ts', { eager: true, import: 'seedTenant' }))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, seedTenant]) => seedTenant);

/** One tenant's worth of data in every table that has tenant_id today. */
async function seed(db: Executor, tenantId: string, mark: string): Promise<Ids> {
  const [manager, employee] = await db
    .insert(persons)
    .values([
      { tenantId, employeeNumber: `${mark}-1`, givenName: `${mark} Leder`, familyName: mark, email: `leder.${mark}@kommune.no` },
      { tenantId, employeeNumber: `${mark}-2`, givenName: `${mark} Ansatt`, familyName: mark, email: `ansatt.${mark}@kommune.no` },
    ])
    .returning();
  const [root] = await db.insert(orgUnits).values({ tenantId, code: `${mark}-R`, name: `${mark} kommune`, kind: 'municipality', managerPersonId: manager!.id }).returning();
  const [unit] = await db.insert(orgUnits).values({ tenantId, code: `${mark}-U`, name: `${mark} skole`, kind: 'school', parentId: root!.id }).returning();
  const [position] = await db.insert(positions).values({ tenantId, title: `${mark} lærer` }).returning();
  const [employment] = await db
    .insert(employments)
    .values({ tenantId, personId: employee!.id, orgUnitId: unit!.id, positionId: position!.id, managerPersonId: manager!.id, startDate: '2020-01-01' })
    .returning();
  const [system] = await db
    .insert(systems)
    .values({ tenantId, name: `${mark} arkiv`, description: `${mark} beskrivelse`, ownerPersonId: manager!.id, administratorPersonId: employee!.id, owningUnitId: unit!.id, supplier: `${mark} AS` })
    .returning();
  const [pool] = await db.insert(licencePools).values({ tenantId, systemId: system!.id, licenceType: `${mark} bruker`, count: 5, unitPrice: 100 }).returning();
  const [user] = await db
    .insert(users)
    .values({ tenantId, personId: manager!.id, email: `leder.${mark}@kommune.no`, displayName: `${mark} Leder`, roles: ['admin'], oidcIssuer: 'https://idp.example', oidcSubject: mark })
    .returning();
  const [token] = await db.insert(apiTokens).values({ tenantId, name: `${mark} integrasjon`, role: 'admin', tokenHash: hashToken(newToken()) }).returning();
  const sessionHash = hashToken(newToken());
  await db.insert(sessions).values({ tokenHash: sessionHash, tenantId, userId: user!.id, csrfToken: newToken(), expiresAt: new Date(Date.now() + 3_600_000) });
  const jobId = randomUUID();
  await db.insert(jobRuns).values({ id: jobId, tenantId, kind: 'import:systems', state: 'completed', result: { note: mark }, startedBy: `${mark} Leder` });
  const [file] = await db.insert(importFiles).values({ tenantId, kind: 'systems', fileName: `${mark}.csv`, content: new TextEncoder().encode(`navn\n${mark}\n`) }).returning();
  const ids: Ids = {
    persons: [manager!.id, employee!.id],
    org_units: [root!.id, unit!.id],
    positions: [position!.id],
    employments: [employment!.id],
    systems: [system!.id],
    licence_pools: [pool!.id],
    users: [user!.id],
    api_tokens: [token!.id],
    sessions: [sessionHash],
    job_runs: [jobId],
    import_files: [file!.id],
  };
  for (const seedTenant of moduleSeeds) Object.assign(ids, await seedTenant(db, tenantId, mark, ids));
  return ids;
}

const rowsOf = (result: unknown): Record<string, unknown>[] => (result as { rows: Record<string, unknown>[] }).rows;
const affected = (result: unknown): number => {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
};
/** The SQLSTATE of a failed statement, whichever driver and wrapper it came through. */
function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

describe('tenant isolation', () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let idsA: Ids;
  let idsB: Ids;
  let tenantTables: string[];

  /** Tenant B as the owner sees it: every row of every tenant table. */
  async function snapshotB(): Promise<Record<string, string[]>> {
    const snapshot: Record<string, string[]> = {};
    for (const table of tenantTables) {
      const result = await t.database.db.execute(sql`select to_jsonb(x)::text as row from ${sql.identifier(table)} x where tenant_id = ${tenantB} order by 1`);
      snapshot[table] = rowsOf(result).map((r) => String(r.row));
    }
    return snapshot;
  }

  /** Runs one statement as tenant A under the application role; an error is returned, not thrown. */
  async function asA(statement: ReturnType<typeof sql>) {
    try {
      const result = await inTenant(t.database.db, systemActor(tenantA, 'Isolasjonstest'), (tx) => tx.execute(statement));
      return { rows: rowsOf(result), count: affected(result), state: undefined };
    } catch (error) {
      return { rows: [], count: 0, state: sqlState(error) ?? `unknown: ${String(error)}` };
    }
  }

  beforeAll(async () => {
    // Hundreds of requests from one address; the limiter is tested elsewhere.
    t = await createTestApp({ env: { GRUNNMUR_RATE_LIMIT: '1000000', LOG_LEVEL: 'fatal' } });
    tenantA = await t.createTenant('alfa', 'Alfa kommune');
    tenantB = await t.createTenant('beta', 'Beta kommune');
    idsA = await seed(t.database.db, tenantA, 'ALFA');
    idsB = await seed(t.database.db, tenantB, secret);
    const columns = await t.database.db.execute(sql`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'tenant_id'
      order by table_name`);
    tenantTables = rowsOf(columns).map((r) => String(r.table_name));
  });
  afterAll(() => t?.close());

  it('finds the tables it knows among those with tenant_id, and seeds both tenants in each', async () => {
    for (const table of Object.keys(idsB)) expect(tenantTables, table).toContain(table);
    // A new tenant table must be seeded (tenant-seeds/<module>.ts), or the checks below prove nothing for it.
    for (const table of tenantTables) expect([...Object.keys(idsB), 'audit_events', 'org_tree_versions', 'catalogue_versions'], `${table} is not seeded`).toContain(table);
    expect(tenantTables).toContain('audit_events');
    for (const table of [...Object.keys(idsB), 'audit_events']) {
      const counts = rowsOf(await t.database.db.execute(sql`select
        count(*) filter (where tenant_id = ${tenantA})::int as a,
        count(*) filter (where tenant_id = ${tenantB})::int as b from ${sql.identifier(table)}`))[0]!;
      expect(counts.a, table).toBeGreaterThan(0);
      expect(counts.b, table).toBeGreaterThan(0);
    }
  });

  it('has row-level security and the tenant_isolation policy on every table with tenant_id', async () => {
    const result = await t.database.db.execute(sql`
      select c.relname as table, c.relrowsecurity as rls, p.polname as policy,
             pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as check,
             array(select rolname::text from pg_roles r where r.oid = any(p.polroles)) as roles
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_policy p on p.polrelid = c.oid and p.polname = 'tenant_isolation'
      where n.nspname = 'public' and c.relkind in ('r', 'p')`);
    const byTable = new Map(rowsOf(result).map((r) => [String(r.table), r]));
    for (const table of tenantTables) {
      const row = byTable.get(table);
      expect(row?.rls, `${table}: row-level security is off`).toBe(true);
      expect(row?.policy, `${table}: no tenant_isolation policy`).toBe('tenant_isolation');
      expect(String(row?.using), table).toContain('grunnmur_current_tenant()');
      expect(String(row?.check), table).toContain('grunnmur_current_tenant()');
      expect(row?.roles, table).toEqual(['grunnmur_app']);
    }
  });

  it('lets the application role bypass nothing and read no table without tenant_id except tenants', async () => {
    const role = rowsOf(await t.database.db.execute(sql`select rolbypassrls, rolsuper from pg_roles where rolname = 'grunnmur_app'`))[0]!;
    expect(role).toEqual({ rolbypassrls: false, rolsuper: false });
    const readable = await t.database.db.execute(sql`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
        and has_table_privilege('grunnmur_app', c.oid, 'SELECT')`);
    const withoutTenant = rowsOf(readable).map((r) => String(r.table)).filter((table) => !tenantTables.includes(table));
    expect(withoutTenant).toEqual(['tenants']);
  });

  it('ties every foreign key between tenant tables to tenant_id, so no row can point into another tenant', async () => {
    const result = await t.database.db.execute(sql`
      select c.conrelid::regclass::text as table, c.conname as key
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'tenant_id')
        and exists (select 1 from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'tenant_id')
        and not exists (
          select 1 from pg_constraint twin
          where twin.contype = 'f' and twin.conrelid = c.conrelid and twin.confrelid = c.confrelid
            and c.conkey <@ twin.conkey
            and (select a.attnum from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'tenant_id') = any (twin.conkey))
      order by 1, 2`);
    expect(rowsOf(result)).toEqual([]);
  });

  describe('direct queries as tenant A under the application role', () => {
    it('count only tenant A rows in every tenant table', async () => {
      for (const table of tenantTables) {
        const seen = await asA(sql`select count(*)::int as n, count(*) filter (where tenant_id <> ${tenantA})::int as other from ${sql.identifier(table)}`);
        expect(seen.state, table).toBeUndefined();
        const own = rowsOf(await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantA}`))[0]!;
        expect(seen.rows[0], table).toEqual({ n: own.n, other: 0 });
      }
    });

    it('find none of tenant B’s rows even when asking for them by id', async () => {
      for (const [table, ids] of Object.entries(idsB)) {
        const key = table === 'sessions' ? 'token_hash' : 'id';
        const seen = await asA(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(key)}::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
        expect(seen.rows[0], table).toEqual({ n: 0 });
      }
    });

    it('update and delete none of tenant B’s rows', async () => {
      const before = await snapshotB();
      for (const table of tenantTables) {
        const update = await asA(sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${tenantB}`);
        expect(update.state === undefined ? update.count : update.state, `update ${table}`).toSatisfy((v: unknown) => v === 0 || v === '42501');
        const remove = await asA(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantB}`);
        expect(remove.state === undefined ? remove.count : remove.state, `delete ${table}`).toSatisfy((v: unknown) => v === 0 || v === '42501');
      }
      expect(await snapshotB()).toEqual(before);
    });

    it('cannot move tenant A’s rows into tenant B', async () => {
      for (const table of tenantTables) {
        const moved = await asA(sql`update ${sql.identifier(table)} set tenant_id = ${tenantB} where tenant_id = ${tenantA}`);
        const own = rowsOf(await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantA}`))[0]!;
        // With no rows of A's there is nothing to move; otherwise the policy's check must refuse.
        if (own.n === 0) continue;
        expect(moved.state, `update ${table}`).toBe('42501');
      }
    });

    it('cannot make its own rows refer to tenant B’s', async () => {
      const [personB] = idsB.persons!;
      const [unitB] = idsB.org_units!;
      const attempts = [
        sql`insert into systems (tenant_id, name, owner_person_id) values (${tenantA}, 'Peker til B', ${personB})`,
        sql`update systems set owning_unit_id = ${unitB} where tenant_id = ${tenantA}`,
        sql`update org_units set parent_id = ${unitB} where id = ${idsA.org_units![0]!}`,
        sql`insert into employments (tenant_id, person_id, org_unit_id, start_date) values (${tenantA}, ${personB}, ${idsA.org_units![1]!}, '2024-01-01')`,
      ];
      for (const attempt of attempts) expect((await asA(attempt)).state).toBe('23503');
    });

    it('cannot insert a row carrying tenant B’s id into any tenant table', async () => {
      let tried = 0;
      for (const table of tenantTables) {
        const uuidId = rowsOf(await t.database.db.execute(sql`select 1 from information_schema.columns
          where table_schema = 'public' and table_name = ${table} and column_name = 'id' and data_type = 'uuid'`)).length > 0;
        // A copy of one of A's rows, re-keyed and relabelled as B's.
        let patch = sql`jsonb_build_object('tenant_id', ${tenantB}::text)`;
        if (uuidId) patch = sql`${patch} || jsonb_build_object('id', gen_random_uuid())`;
        if (table === 'sessions') patch = sql`${patch} || jsonb_build_object('token_hash', md5(random()::text))`;
        const own = rowsOf(await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantA}`))[0]!;
        if (own.n === 0) continue;
        const inserted = await asA(sql`insert into ${sql.identifier(table)}
          select (jsonb_populate_record(null::${sql.identifier(table)}, to_jsonb(x) || ${patch})).* from ${sql.identifier(table)} x limit 1`);
        expect(inserted.state, `insert into ${table}`).toBe('42501');
        tried += 1;
      }
      expect(tried).toBeGreaterThanOrEqual(Object.keys(idsB).length);
    });
  });

  // Hundreds of requests per test; more as the API grows.
  describe('every API route with tenant A’s session and token', { timeout: 300_000 }, () => {
    interface Operation {
      method: string;
      path: string;
      pathParams: { name: string; schema: Record<string, unknown> }[];
      queryParams: { name: string; schema: Record<string, unknown> }[];
      body?: Record<string, unknown>;
    }

    // Ends the caller's own session; tested on its own elsewhere.
    const skipped = new Set(['POST /api/auth/sign-out']);
    let operations: Operation[];
    let callers: Record<string, Record<string, string>>;
    let counter = 0;

    const allIdsB = () => Object.values(idsB).flat().concat(tenantB);
    const allIdsA = () => Object.values(idsA).flat();

    /** Anything of tenant B's in a response, apart from what the request itself named. */
    function leaks(body: string, named: string[]): string[] {
      let text = body;
      try {
        const json = JSON.parse(body) as Record<string, unknown>;
        if (json && typeof json === 'object' && !Array.isArray(json)) delete json.instance;
        text = JSON.stringify(json);
      } catch {
        // Not JSON (CSV, HTML): look at the text as it is.
      }
      const markers = [secret, ...allIdsB().filter((id) => !named.includes(id))];
      return markers.filter((marker) => text.includes(marker));
    }

    function isEmptyCollection(body: string): boolean {
      try {
        const json = JSON.parse(body) as unknown;
        if (Array.isArray(json)) return json.length === 0;
        const object = json as { items?: unknown[]; total?: number };
        return Array.isArray(object.items) && object.items.length === 0;
      } catch {
        return false;
      }
    }

    /** A plausible value for a JSON schema, unique where uniqueness could decide the outcome. */
    function sample(schema: Record<string, unknown> | undefined): unknown {
      if (!schema) return undefined;
      if ('const' in schema) return schema.const;
      if (Array.isArray(schema.enum)) return schema.enum[0];
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
        const options = schema[key] as Record<string, unknown>[] | undefined;
        if (options) return sample(options.find((option) => option.type !== 'null') ?? options[0]);
      }
      const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
      counter += 1;
      switch (type) {
        case 'object': {
          const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
          const required = (schema.required ?? []) as string[];
          // Optional references are left out, so that a made-up one cannot be what gets refused.
          const entries = Object.entries(properties).filter(([name, property]) => required.includes(name) || !refersToObject(name, property));
          return Object.fromEntries(entries.map(([name, property]) => [name, sample(property)]));
        }
        case 'array':
          return (schema.minItems as number | undefined) ? [sample(schema.items as Record<string, unknown>)] : [];
        case 'integer':
        case 'number':
          return Math.max(1, (schema.minimum as number | undefined) ?? 1);
        case 'boolean':
          return false;
        case 'string':
          if (schema.format === 'uuid') return allIdsA()[0];
          if (schema.format === 'email') return `isolasjon${counter}@alfa.kommune.no`;
          if (schema.format === 'date') return '2024-01-01';
          if (schema.format === 'date-time') return '2024-01-01T00:00:00.000Z';
          return `Isolasjon ${counter}`;
        default:
          return undefined;
      }
    }

    const isIdLike = (name: string, schema: Record<string, unknown>) => schema.format === 'uuid' || /(^id$|Id$|_id$)/.test(name);
    const refersToObject = (name: string, schema: Record<string, unknown>) =>
      [schema, ...((schema.anyOf ?? schema.oneOf ?? []) as Record<string, unknown>[])].some((option) => isIdLike(name, option) && option.type !== 'null') ||
      (schema.items as Record<string, unknown> | undefined)?.format === 'uuid';

    const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

    function pathValues(param: { name: string; schema: Record<string, unknown> }, ids: string[]): string[] {
      if (Array.isArray(param.schema.enum)) return param.schema.enum.map(String);
      if (param.name === 'entityType') return tenantTables;
      if (param.schema.format === 'uuid') return ids.filter((id) => uuidPattern.test(id));
      if (isIdLike(param.name, param.schema)) return ids;
      return ['systems', 'org'];
    }

    function combinations(params: { name: string; schema: Record<string, unknown> }[], ids: string[]): Record<string, string>[] {
      return params.reduce<Record<string, string>[]>(
        (combos, param) => combos.flatMap((combo) => pathValues(param, ids).map((value) => ({ ...combo, [param.name]: value }))),
        [{}],
      );
    }

    /**
     * Each path parameter takes each id in turn while the others keep their first value: every id
     * reaches every parameter, without the product of all of them (with every module's seeds,
     * two parameters made thousands of requests per route).
     */
    function eachInTurn(params: { name: string; schema: Record<string, unknown> }[], ids: string[]): Record<string, string>[] {
      if (params.length <= 1) return combinations(params, ids);
      const values = params.map((param) => pathValues(param, ids));
      if (values.some((list) => list.length === 0)) return [];
      const first = Object.fromEntries(params.map((param, index) => [param.name, values[index]![0]!]));
      return params.flatMap((param, index) => values[index]!.map((value) => ({ ...first, [param.name]: value })));
    }

    const fill = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));

    beforeAll(async () => {
      await t.app.ready();
      const document = t.app.swagger() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
      operations = [];
      for (const [path, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          if (!path.startsWith('/api/') || skipped.has(`${method.toUpperCase()} ${path}`)) continue;
          const parameters = (operation.parameters ?? []) as { in: string; name: string; schema?: Record<string, unknown> }[];
          const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
          const body = (operation.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined)?.content?.['application/json']?.schema;
          operations.push({
            method: method.toUpperCase(),
            path,
            pathParams: pathNames.map((name) => ({ name, schema: parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {} })),
            queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
            body,
          });
        }
      }
      callers = {
        session: await t.sessionHeaders('alfa', 'admin'),
        token: await t.tokenHeaders(tenantA, 'admin'),
      };
    });

    it('discovers the routes of the API from its OpenAPI document', () => {
      const names = operations.map((o) => `${o.method} ${o.path}`);
      expect(names).toContain('GET /api/systems');
      expect(names).toContain('GET /api/systems/{id}');
      expect(names).toContain('PUT /api/systems/{id}');
    });

    it('shows tenant A its own data and none of B’s on every list', async () => {
      let sawOwnData = 0;
      for (const [caller, headers] of Object.entries(callers)) {
        for (const operation of operations.filter((o) => o.method === 'GET' && o.pathParams.length === 0)) {
          const response = await t.inject({ method: 'GET', url: operation.path, headers });
          expect(response.statusCode, `${caller} GET ${operation.path}`).toBeLessThan(500);
          expect(leaks(response.body, []), `${caller} GET ${operation.path}`).toEqual([]);
          if (response.body.includes('ALFA')) sawOwnData += 1;

          // Filters that take an id, given B's ids: nothing of A's refers to them, so nothing comes back.
          for (const param of operation.queryParams.filter((p) => isIdLike(p.name, p.schema))) {
            for (const id of allIdsB()) {
              const filtered = await t.inject({ method: 'GET', url: `${operation.path}?${param.name}=${id}`, headers });
              const where = `${caller} GET ${operation.path}?${param.name}=<B ${id}>`;
              expect(leaks(filtered.body, [id]), where).toEqual([]);
              expect(filtered.statusCode >= 400 || isEmptyCollection(filtered.body) || String(filtered.headers['content-type']).includes('text/csv'), where).toBe(true);
            }
          }
        }
      }
      // The lists are not merely empty: A's own rows do come back.
      expect(sawOwnData).toBeGreaterThanOrEqual(4);
    });

    it('answers 404 (or an empty list) when tenant A reads an object of B’s by id', async () => {
      let checked = 0;
      for (const [caller, headers] of Object.entries(callers)) {
        for (const operation of operations.filter((o) => o.method === 'GET' && o.pathParams.length > 0)) {
          for (const values of combinations(operation.pathParams, allIdsB())) {
            const url = fill(operation.path, values);
            const response = await t.inject({ method: 'GET', url, headers });
            const where = `${caller} GET ${url}`;
            expect(response.statusCode, where).toBeLessThan(500);
            expect(leaks(response.body, Object.values(values)), where).toEqual([]);
            const namesB = Object.values(values).some((value) => allIdsB().includes(value));
            if (namesB) {
              expect(response.statusCode === 404 || (response.statusCode < 300 && isEmptyCollection(response.body)), `${where} answered ${response.statusCode}`).toBe(true);
              checked += 1;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('refuses every write that names an object of B’s, and leaves all of B’s rows as they were', async () => {
      const before = await snapshotB();
      let reachedHandler = 0;
      for (const [caller, headers] of Object.entries(callers)) {
        for (const operation of operations.filter((o) => o.method !== 'GET')) {
          const requests: { url: string; payload?: unknown; named: string[] }[] = [];

          // B's ids in the path, with a body that passes validation where we can make one:
          // the body of A's own object of the same kind, when a GET of the same path gives one.
          const resourcePath = operation.path.replace(/(\{\w+\})(?!.*\{).*$/, '$1');
          let template = operation.body ? (sample(operation.body) as Record<string, unknown>) : undefined;
          if (operation.pathParams.length > 0 && operation.body) {
            for (const values of combinations(operation.pathParams, allIdsA()).slice(0, 200)) {
              const own = await t.inject({ method: 'GET', url: fill(resourcePath, values), headers });
              if (own.statusCode === 200 && String(own.headers['content-type']).includes('json')) {
                template = { ...template, ...(own.json() as Record<string, unknown>) };
                break;
              }
            }
          }
          if (operation.pathParams.length > 0) {
            for (const values of eachInTurn(operation.pathParams, allIdsB())) {
              if (!Object.values(values).some((value) => allIdsB().includes(value))) continue;
              requests.push({ url: fill(operation.path, values), payload: template, named: Object.values(values) });
            }
          }

          // B's ids in the body's id fields (create a system owned by B's person, move a unit under B's unit…).
          if (operation.body && operation.method !== 'DELETE') {
            const properties = (operation.body.properties ?? {}) as Record<string, Record<string, unknown>>;
            const idFields = Object.entries(properties).filter(([name, schema]) => refersToObject(name, schema));
            const ownPaths = operation.pathParams.length > 0 ? combinations(operation.pathParams, allIdsA()).slice(0, 1) : [{}];
            for (const values of ownPaths) {
              for (const [name, schema] of idFields) {
                for (const id of allIdsB()) {
                  const value = schema.type === 'array' ? [id] : id;
                  const fresh = sample(operation.body) as Record<string, unknown>;
                  requests.push({ url: fill(operation.path, values), payload: { ...template, ...pickStrings(fresh, template), [name]: value }, named: [id] });
                }
              }
            }
          }

          for (const request of requests) {
            const response = await t.inject({ method: operation.method as 'POST', url: request.url, headers, payload: request.payload as object });
            const where = `${caller} ${operation.method} ${request.url} naming ${request.named.join(',')} in ${JSON.stringify(request.payload ?? null).slice(0, 400)}`;
            expect(response.statusCode, `${where} answered ${response.statusCode} ${response.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
            expect(response.statusCode, `${where} answered ${response.statusCode}`).toBeLessThan(500);
            expect(leaks(response.body, request.named), where).toEqual([]);
            if (response.statusCode !== 400) reachedHandler += 1;
          }
        }
      }
      expect(await snapshotB()).toEqual(before);
      // Most refusals must come from the data, not from a malformed request.
      expect(reachedHandler).toBeGreaterThan(0);
    });
  });
});

/** Fresh unique strings for the text fields, so that a name clash (409) cannot hide the answer. */
function pickStrings(fresh: Record<string, unknown>, template: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fresh).filter(([name, value]) => typeof value === 'string' && value.startsWith('Isolasjon') && typeof template?.[name] === 'string'),
  );
}
