import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnits } from '../../server/src/modules/org/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { enterpriseSchema, errorSchema, groupSchema, listResponse, patchOp, scimClient, scimTokenFor, userSchema, type ScimTestClient } from './scim-client.ts';

/**
 * The request and response examples of RFC 7643/7644, written out as HTTP requests against
 * /scim/v2. Where an example uses an attribute Grunnmur does not store (userType, nickname, ims,
 * addresses), the example is kept and the expected answer is what the RFC's rules give for a
 * resource without that attribute.
 */
describe('SCIM 2.0 server against the RFC 7643/7644 examples', () => {
  let t: TestApp;
  let scim: ScimTestClient;
  const id: Record<string, string> = {};

  const list = async (query: string) => {
    const response = await scim.request('GET', `/Users?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { schemas: string[]; totalResults: number; itemsPerPage: number; startIndex: number; Resources: Record<string, unknown>[] };
  };
  const userNames = async (filter: string) =>
    (await list(`filter=${encodeURIComponent(filter)}&sortBy=userName`)).Resources.map((user) => user.userName);
  const patch = (url: string, Operations: unknown[], headers?: Record<string, string>) => scim.request('PATCH', url, { schemas: [patchOp], Operations }, headers);

  beforeAll(async () => {
    t = await createTestApp();
    const tenantId = await t.createTenant('demo');
    scim = scimClient(t, await scimTokenFor(t, tenantId));
    await inTenant(t.database.db, systemActor(tenantId), (tx) =>
      tx.insert(orgUnits).values([
        { tenantId, code: '2100', name: 'Ålgård skole', kind: 'school' },
        { tenantId, code: '3000', name: 'Helse', kind: 'sector' },
      ]),
    );
  });
  afterAll(() => t.close());

  describe('discovery (RFC 7644 §4)', () => {
    it('ServiceProviderConfig says truthfully what is supported: PATCH, filter, sort and ETags, but no bulk or password change', async () => {
      const response = await scim.request('GET', '/ServiceProviderConfig');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
      const config = response.json();
      expect(config.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
      expect(config.patch).toEqual({ supported: true });
      expect(config.bulk.supported).toBe(false);
      expect(config.filter).toEqual({ supported: true, maxResults: 1000 });
      expect(config.changePassword).toEqual({ supported: false });
      expect(config.sort).toEqual({ supported: true });
      expect(config.etag).toEqual({ supported: true });
      expect(config.authenticationSchemes[0]).toMatchObject({ type: 'oauthbearertoken', primary: true });
      expect((await scim.request('POST', '/Bulk', { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] })).statusCode).toBe(501);
      expect((await scim.request('GET', '/Me')).statusCode).toBe(501);
      expect(config.documentationUri).toBe('http://localhost:80/api/docs');
    });

    it('ResourceTypes lists User (with the Enterprise User extension) and Group, and each one by id', async () => {
      const all = (await scim.request('GET', '/ResourceTypes')).json();
      expect(all.schemas).toEqual([listResponse]);
      expect(all.totalResults).toBe(2);
      const user = (await scim.request('GET', '/ResourceTypes/User')).json();
      expect(user).toMatchObject({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        schema: userSchema,
        schemaExtensions: [{ schema: enterpriseSchema, required: false }],
        meta: { resourceType: 'ResourceType' },
      });
      expect(user.meta.location).toMatch(/\/scim\/v2\/ResourceTypes\/User$/);
      expect((await scim.request('GET', '/ResourceTypes/Group')).json()).toMatchObject({ id: 'Group', endpoint: '/Groups', schema: groupSchema });
      const missing = await scim.request('GET', '/ResourceTypes/Printer');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ schemas: [errorSchema], status: '404' });
    });

    it('Schemas serves the core User, Group and Enterprise User schemas with their attributes', async () => {
      const all = (await scim.request('GET', '/Schemas')).json();
      expect(all.Resources.map((schema: { id: string }) => schema.id)).toEqual([userSchema, groupSchema, enterpriseSchema]);
      const user = (await scim.request('GET', `/Schemas/${userSchema}`)).json();
      const userName = user.attributes.find((attribute: { name: string }) => attribute.name === 'userName');
      expect(userName).toMatchObject({ type: 'string', required: true, caseExact: false, uniqueness: 'server', multiValued: false });
      const emails = user.attributes.find((attribute: { name: string }) => attribute.name === 'emails');
      expect(emails.subAttributes.map((attribute: { name: string }) => attribute.name)).toEqual(['value', 'type', 'primary']);
      const group = (await scim.request('GET', `/Schemas/${groupSchema}`)).json();
      expect(group.attributes.map((attribute: { name: string }) => attribute.name)).toEqual(['displayName', 'members']);
      const enterprise = (await scim.request('GET', `/Schemas/${enterpriseSchema}`)).json();
      expect(enterprise.attributes.map((attribute: { name: string }) => attribute.name)).toEqual(['employeeNumber', 'department', 'organization', 'manager']);
      expect((await scim.request('GET', '/Schemas/urn:example:nothing')).statusCode).toBe(404);
    });
  });

  describe('Users', () => {
    let created: Record<string, unknown>;
    let location: string;

    it('creates the RFC 7644 §3.3 example User: 201 with Location, ETag and the stored resource', async () => {
      const response = await scim.request('POST', '/Users', {
        schemas: [userSchema],
        userName: 'bjensen',
        externalId: 'bjensen',
        name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
      created = response.json();
      id.bjensen = created.id as string;
      location = response.headers.location as string;
      expect(location).toBe(`http://localhost:80/scim/v2/Users/${id.bjensen}`);
      expect(created).toMatchObject({
        schemas: expect.arrayContaining([userSchema]),
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        externalId: 'bjensen',
        userName: 'bjensen',
        name: { familyName: 'Jensen', givenName: 'Barbara' },
        active: true,
        meta: { resourceType: 'User', location },
      });
      const meta = created.meta as { created: string; lastModified: string; version: string };
      expect(meta.created).toBe(meta.lastModified);
      expect(meta.version).toMatch(/^W\/".+"$/);
      expect(response.headers.etag).toBe(meta.version);
    });

    it('gets the User back by id (§3.4.1) with the same ETag, also when the client sends application/json', async () => {
      const response = await scim.request('GET', `/Users/${id.bjensen}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(created);
      expect(response.headers.etag).toBe((created.meta as { version: string }).version);
      const plain = await t.inject({
        method: 'POST',
        url: '/scim/v2/Users',
        headers: { authorization: (await scimAuth()).authorization, 'content-type': 'application/json' },
        payload: { schemas: [userSchema], userName: 'plainjson', name: { givenName: 'Plain', familyName: 'Json' } },
      });
      expect(plain.statusCode).toBe(201);
      expect((await scim.request('DELETE', `/Users/${plain.json().id}`)).statusCode).toBe(204);
      const withCharset = await t.inject({
        method: 'POST',
        url: '/scim/v2/Users',
        headers: { authorization: (await scimAuth()).authorization, 'content-type': 'application/scim+json; charset=utf-8' },
        payload: JSON.stringify({ schemas: [userSchema], userName: 'charset', name: { givenName: 'Åse', familyName: 'Ødegård' } }),
      });
      expect(withCharset.statusCode, withCharset.body).toBe(201);
      expect(withCharset.json().name.familyName).toBe('Ødegård');
      expect((await scim.request('DELETE', `/Users/${withCharset.json().id}`)).statusCode).toBe(204);
    });

    it('refuses a second User with the same userName with 409 uniqueness (§3.3, §3.12), whatever its case', async () => {
      const response = await scim.request('POST', '/Users', { schemas: [userSchema], userName: 'BJensen' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ schemas: [errorSchema], status: '409', scimType: 'uniqueness' });
    });

    it('answers an unknown id with the §3.12 404 error body', async () => {
      const response = await scim.request('GET', '/Users/2819c223-7f76-453a-919d-413861904646');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ schemas: [errorSchema], status: '404', detail: 'User 2819c223-7f76-453a-919d-413861904646 not found' });
    });

    it('filters with the §3.4.2.2 examples: eq, co, sw, pr, gt/ge/lt/le, and, or, not, value paths, schema-qualified names', async () => {
      const smith = await scim.request('POST', '/Users', {
        schemas: [userSchema, enterpriseSchema],
        userName: 'jsmith',
        name: { givenName: 'John', familyName: 'Smith' },
        title: 'Tour Guide',
        emails: [{ value: 'john.smith@example.com', type: 'work', primary: true }],
        [enterpriseSchema]: { employeeNumber: '701984', department: '2100' },
      });
      expect(smith.statusCode, smith.body).toBe(201);
      id.jsmith = smith.json().id;
      const omalley = await scim.request('POST', '/Users', {
        schemas: [userSchema],
        userName: 'jomalley',
        name: { givenName: 'Jane', familyName: "O'Malley" },
        emails: [{ value: 'jane@example.org', type: 'work' }],
      });
      id.jomalley = omalley.json().id;

      expect(await userNames('userName eq "bjensen"')).toEqual(['bjensen']);
      expect(await userNames('userName eq "BJENSEN"')).toEqual(['bjensen']);
      expect(await userNames(`name.familyName co "O'Malley"`)).toEqual(['jomalley']);
      expect(await userNames('userName sw "J"')).toEqual(['jomalley', 'jsmith']);
      expect(await userNames('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"')).toEqual(['jomalley', 'jsmith']);
      expect(await userNames('userName ew "SEN"')).toEqual(['bjensen']);
      expect(await userNames('title pr')).toEqual(['jsmith']);
      expect(await userNames('meta.lastModified gt "2011-05-13T04:42:34Z"')).toEqual(['bjensen', 'jomalley', 'jsmith']);
      expect(await userNames('meta.lastModified ge "2011-05-13T04:42:34Z"')).toHaveLength(3);
      expect(await userNames('meta.lastModified lt "2011-05-13T04:42:34Z"')).toEqual([]);
      expect(await userNames('meta.lastModified le "2011-05-13T04:42:34Z"')).toEqual([]);
      expect(await userNames('title pr and userType eq "Employee"')).toEqual([]);
      expect(await userNames('title pr or userType eq "Intern"')).toEqual(['jsmith']);
      expect(await userNames(`schemas eq "${enterpriseSchema}"`)).toEqual(['bjensen', 'jomalley', 'jsmith']);
      expect(await userNames('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")')).toEqual([]);
      expect(await userNames('emails co "example.com" or emails.value co "example.org"')).toEqual(['jomalley', 'jsmith']);
      expect(await userNames('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")')).toEqual(['bjensen']);
      expect(await userNames('userType eq "Employee" and (emails.type eq "work")')).toEqual([]);
      expect(await userNames('emails.type eq "work"')).toEqual(['jomalley', 'jsmith']);
      expect(await userNames('emails[type eq "work" and value co "@example.com"]')).toEqual(['jsmith']);
      expect(await userNames('emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]')).toEqual(['jsmith']);
      expect(await userNames(`${enterpriseSchema}:department eq "2100"`)).toEqual(['jsmith']);
      expect(await userNames(`${enterpriseSchema}:employeeNumber eq "701984"`)).toEqual(['jsmith']);
      expect(await userNames('externalId eq "bjensen"')).toEqual(['bjensen']);
      expect(await userNames('externalId eq "BJENSEN"')).toEqual([]);
      expect(await userNames('userName ne "bjensen"')).toEqual(['jomalley', 'jsmith']);
      expect(await userNames('active eq true')).toHaveLength(3);
    });

    it('answers a filter that does not parse with 400 invalidFilter (§3.12)', async () => {
      for (const filter of ['userName eq', 'userName zz "x"', '(userName eq "a"', 'active gt true']) {
        const response = await scim.request('GET', `/Users?filter=${encodeURIComponent(filter)}`);
        expect(response.statusCode, filter).toBe(400);
        expect(response.json()).toMatchObject({ schemas: [errorSchema], status: '400', scimType: 'invalidFilter' });
      }
    });

    it('sorts by sortBy and sortOrder (§3.4.2.3)', async () => {
      expect((await list('sortBy=userName&sortOrder=descending')).Resources.map((user) => user.userName)).toEqual(['jsmith', 'jomalley', 'bjensen']);
      expect((await list('sortBy=name.familyName')).Resources.map((user) => user.userName)).toEqual(['bjensen', 'jomalley', 'jsmith']);
      expect((await list('sortBy=title')).Resources.map((user) => user.userName)[0]).toBe('jsmith');
    });

    it('pages with startIndex and count (§3.4.2.4): totalResults, itemsPerPage and startIndex', async () => {
      for (let i = 1; i <= 12; i++) {
        const number = String(i).padStart(2, '0');
        const response = await scim.request('POST', '/Users', { schemas: [userSchema], userName: `page${number}`, name: { givenName: 'Side', familyName: number } });
        expect(response.statusCode).toBe(201);
      }
      const first = await list(`filter=${encodeURIComponent('userName sw "page"')}&sortBy=userName&startIndex=1&count=10`);
      expect(first).toMatchObject({ totalResults: 12, itemsPerPage: 10, startIndex: 1 });
      expect(first.Resources.map((user) => user.userName)).toEqual(Array.from({ length: 10 }, (_, i) => `page${String(i + 1).padStart(2, '0')}`));
      const second = await list(`filter=${encodeURIComponent('userName sw "page"')}&sortBy=userName&startIndex=11&count=10`);
      expect(second).toMatchObject({ totalResults: 12, itemsPerPage: 2, startIndex: 11 });
      expect(second.Resources.map((user) => user.userName)).toEqual(['page11', 'page12']);
      const countOnly = await list(`filter=${encodeURIComponent('userName sw "page"')}&count=0`);
      expect(countOnly).toMatchObject({ totalResults: 12, itemsPerPage: 0 });
      const belowOne = await list(`filter=${encodeURIComponent('userName sw "page"')}&startIndex=-5&count=1`);
      expect(belowOne.startIndex).toBe(1);
      const all = await list('');
      expect(all.totalResults).toBe(15);
      expect(all.schemas).toEqual([listResponse]);
      // Without filter or sortBy only the page is read from the database; the pages still add up.
      const pages = [await list('startIndex=1&count=10'), await list('startIndex=11&count=10')];
      expect(pages.map((page) => [page.totalResults, page.itemsPerPage, page.startIndex])).toEqual([[15, 10, 1], [15, 5, 11]]);
      expect(pages.flatMap((page) => page.Resources.map((user) => user.id))).toEqual(all.Resources.map((user) => user.id));
      expect(await list('count=0')).toMatchObject({ totalResults: 15, itemsPerPage: 0, Resources: [] });
    });

    it('returns only the asked-for attributes, or all but the excluded ones (§3.4.2.5)', async () => {
      const only = (await scim.request('GET', `/Users/${id.jsmith}?attributes=userName,name.familyName,${enterpriseSchema}:department`)).json();
      expect(only).toEqual({ schemas: [userSchema, enterpriseSchema], id: id.jsmith, userName: 'jsmith', name: { familyName: 'Smith' }, [enterpriseSchema]: { department: '2100' } });
      const emailValues = (await list(`filter=${encodeURIComponent('userName eq "jsmith"')}&attributes=emails.value`)).Resources[0];
      expect(emailValues).toEqual({ schemas: [userSchema, enterpriseSchema], id: id.jsmith, emails: [{ value: 'john.smith@example.com' }] });
      const without = (await scim.request('GET', `/Users/${id.jsmith}?excludedAttributes=emails,meta,id`)).json();
      expect(without.emails).toBeUndefined();
      expect(without.meta).toBeUndefined();
      expect(without.id).toBe(id.jsmith);
      expect(without.userName).toBe('jsmith');
    });

    it('searches with POST /.search (§3.4.3), on Users and across resource types', async () => {
      const search = { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], attributes: ['displayName', 'userName'], filter: 'displayName ew "smith"', startIndex: 1, count: 10 };
      const users = await scim.request('POST', '/Users/.search', search);
      expect(users.statusCode, users.body).toBe(200);
      expect(users.json()).toMatchObject({ totalResults: 1, Resources: [{ id: id.jsmith, userName: 'jsmith', displayName: 'John Smith' }] });
      expect(users.json().Resources[0].emails).toBeUndefined();
      const root = await scim.request('POST', '/.search', { ...search, filter: 'userName eq "bjensen"' });
      expect(root.json().totalResults).toBe(1);
    });
  });

  describe('PATCH (RFC 7644 §3.5.2)', () => {
    let groupId: string;

    it('creates a Group, then adds a member (§3.5.2.1 add example)', async () => {
      const created = await scim.request('POST', '/Groups', { schemas: [groupSchema], displayName: 'Tour Guides', externalId: 'tg-1' });
      expect(created.statusCode, created.body).toBe(201);
      groupId = created.json().id;
      expect(created.json()).toMatchObject({ displayName: 'Tour Guides', externalId: 'tg-1', members: [], meta: { resourceType: 'Group' } });
      const response = await patch(`/Groups/${groupId}`, [
        { op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${id.bjensen}`, value: id.bjensen }] },
      ]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().members).toEqual([{ value: id.bjensen, $ref: `http://localhost:80/scim/v2/Users/${id.bjensen}`, display: 'Barbara Jensen', type: 'User' }]);
      const user = (await scim.request('GET', `/Users/${id.bjensen}`)).json();
      expect(user.groups).toEqual([{ value: groupId, $ref: `http://localhost:80/scim/v2/Groups/${groupId}`, display: 'Tour Guides' }]);
      const byMember = await scim.request('GET', `/Groups?filter=${encodeURIComponent(`members[value eq "${id.bjensen}"]`)}`);
      expect(byMember.json().totalResults).toBe(1);
    });

    it('adds attributes without a path (§3.5.2.1: emails and nickname)', async () => {
      const response = await patch(`/Users/${id.bjensen}`, [{ op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' } }]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().emails).toEqual([{ value: 'babs@jensen.org', type: 'work', primary: true }]);
    });

    it('removes one member by a value filter, and then all members (§3.5.2.2)', async () => {
      await patch(`/Groups/${groupId}`, [{ op: 'add', path: 'members', value: [{ value: id.jsmith }] }]);
      const one = await patch(`/Groups/${groupId}`, [{ op: 'remove', path: `members[value eq "${id.bjensen}"]` }]);
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json().members.map((member: { value: string }) => member.value)).toEqual([id.jsmith]);
      const all = await patch(`/Groups/${groupId}`, [{ op: 'remove', path: 'members' }]);
      expect(all.json().members).toEqual([]);
    });

    it('replaces all members by a remove followed by an add in one request (§3.5.2.2)', async () => {
      await patch(`/Groups/${groupId}`, [{ op: 'add', path: 'members', value: [{ value: id.jomalley }] }]);
      const response = await patch(`/Groups/${groupId}`, [
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${id.bjensen}`, value: id.bjensen }, { display: 'John Smith', value: id.jsmith }] },
      ]);
      expect(response.json().members.map((member: { value: string }) => member.value).sort()).toEqual([id.bjensen, id.jsmith].sort());
    });

    it('replaces members, a filtered sub-attribute, and attributes without a path (§3.5.2.3)', async () => {
      const members = await patch(`/Groups/${groupId}`, [{ op: 'replace', path: 'members', value: [{ display: "Jane O'Malley", value: id.jomalley }] }]);
      expect(members.json().members.map((member: { value: string }) => member.value)).toEqual([id.jomalley]);
      const sub = await patch(`/Users/${id.jsmith}`, [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'john@smith.example.com' }]);
      expect(sub.statusCode, sub.body).toBe(200);
      expect(sub.json().emails).toEqual([{ value: 'john@smith.example.com', type: 'work', primary: true }]);
      const noPath = await patch(`/Users/${id.bjensen}`, [{ op: 'replace', value: { emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }], nickname: 'Babs' } }]);
      expect(noPath.json().emails).toEqual([{ value: 'bjensen@example.com', type: 'work', primary: true }]);
      const name = await patch(`/Users/${id.bjensen}`, [{ op: 'replace', path: 'name.givenName', value: 'Babs' }, { op: 'Replace', path: 'displayName', value: 'ignored' }]);
      expect(name.json().name).toEqual({ formatted: 'Babs Jensen', familyName: 'Jensen', givenName: 'Babs' });
      const rename = await patch(`/Groups/${groupId}`, [{ op: 'replace', path: 'displayName', value: 'Guides' }]);
      expect(rename.json().displayName).toBe('Guides');
    });

    it('refuses PATCH requests the RFC calls errors: no target, bad path, unknown operation, read-only attribute', async () => {
      const cases: [unknown[], string][] = [
        [[{ op: 'remove' }], 'noTarget'],
        [[{ op: 'replace', path: 'members[value eq "2819c223-7f76-453a-919d-413861904646"]', value: { value: id.jsmith } }], 'noTarget'],
        [[{ op: 'add', path: 'members[value eq', value: [] }], 'invalidPath'],
        [[{ op: 'move', path: 'members', value: [] }], 'invalidSyntax'],
        [[{ op: 'replace', path: 'id', value: 'x' }], 'mutability'],
        [[{ op: 'add', path: 'members', value: [{ value: 'not-a-user' }] }], 'invalidValue'],
      ];
      for (const [operations, scimType] of cases) {
        const response = await patch(`/Groups/${groupId}`, operations);
        expect(response.statusCode, JSON.stringify(operations)).toBe(400);
        expect(response.json()).toMatchObject({ schemas: [errorSchema], status: '400', scimType });
      }
      const wrongSchema = await scim.request('PATCH', `/Groups/${groupId}`, { schemas: [userSchema], Operations: [{ op: 'remove', path: 'members' }] });
      expect(wrongSchema.statusCode).toBe(400);
      const after = (await scim.request('GET', `/Groups/${groupId}`)).json();
      expect(after.members.map((member: { value: string }) => member.value)).toEqual([id.jomalley]);
    });
  });

  describe('ETags and versions (RFC 7644 §3.14)', () => {
    it('answers a GET whose If-None-Match names the current version with 304 Not Modified', async () => {
      const current = await scim.request('GET', `/Users/${id.jsmith}`);
      const etag = current.headers.etag as string;
      const again = await scim.request('GET', `/Users/${id.jsmith}`, undefined, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const stale = await scim.request('GET', `/Users/${id.jsmith}`, undefined, { 'if-none-match': 'W/"old"' });
      expect(stale.statusCode).toBe(200);
    });

    it('refuses PUT, PATCH and DELETE with a stale If-Match with 412 and changes nothing; the current version goes through', async () => {
      const current = await scim.request('GET', `/Users/${id.jsmith}`);
      const etag = current.headers.etag as string;
      const body = { ...current.json(), title: 'Head Guide' };
      const stale = { 'if-match': 'W/"e180ee84f0671b1"' };
      for (const response of [
        await scim.request('PUT', `/Users/${id.jsmith}`, body, stale),
        await patch(`/Users/${id.jsmith}`, [{ op: 'replace', path: 'title', value: 'Head Guide' }], stale),
        await scim.request('DELETE', `/Users/${id.jsmith}`, undefined, stale),
      ]) {
        expect(response.statusCode).toBe(412);
        expect(response.json()).toMatchObject({ schemas: [errorSchema], status: '412' });
      }
      expect((await scim.request('GET', `/Users/${id.jsmith}`)).headers.etag).toBe(etag);
      const updated = await scim.request('PUT', `/Users/${id.jsmith}`, body, { 'if-match': etag });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json().title).toBe('Head Guide');
      expect(updated.headers.etag).not.toBe(etag);
      expect(updated.json().meta.version).toBe(updated.headers.etag);
    });
  });

  describe('errors (RFC 7644 §3.12)', () => {
    it('answers malformed JSON, an unknown endpoint and a missing required attribute as SCIM errors, not problem+json', async () => {
      const malformed = await t.inject({ method: 'POST', url: '/scim/v2/Users', headers: { ...(await scimAuth()), 'content-type': 'application/scim+json' }, payload: '{"userName":' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(malformed.json()).toMatchObject({ schemas: [errorSchema], status: '400', scimType: 'invalidSyntax' });
      const unknown = await scim.request('GET', '/Printers');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ schemas: [errorSchema], status: '404' });
      const noUserName = await scim.request('POST', '/Users', { schemas: [userSchema], name: { givenName: 'Ingen' } });
      expect(noUserName.statusCode).toBe(400);
      expect(noUserName.json()).toMatchObject({ scimType: 'invalidValue' });
      const groupTwice = await scim.request('POST', '/Groups', { schemas: [groupSchema], displayName: 'guides' });
      expect(groupTwice.statusCode).toBe(409);
      expect(groupTwice.json()).toMatchObject({ scimType: 'uniqueness' });
    });
  });

  let auth: Record<string, string> | undefined;
  async function scimAuth() {
    auth ??= { authorization: `Bearer ${await scimTokenFor(t, (await t.database.db.query.tenants.findFirst())!.id, 'second client')}` };
    return auth;
  }
});
