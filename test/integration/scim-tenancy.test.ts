import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { groupSchema, patchOp, scimClient, scimTokenFor, userSchema, type ScimTestClient } from './scim-client.ts';

/** The tenant comes from the token: a SCIM client of one municipality never meets another's people or groups. */
describe('SCIM tenant isolation', () => {
  let t: TestApp;
  let alpha: ScimTestClient;
  let beta: ScimTestClient;
  let betaUserId: string;
  let betaGroupId: string;
  let alphaGroupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    alpha = scimClient(t, await scimTokenFor(t, await t.createTenant('alpha'), 'Alpha HR'));
    beta = scimClient(t, await scimTokenFor(t, await t.createTenant('beta'), 'Beta HR'));
    betaUserId = (await beta.request('POST', '/Users', { schemas: [userSchema], userName: 'beta.secret', name: { givenName: 'Beta', familyName: 'Secret' } })).json().id;
    betaGroupId = (await beta.request('POST', '/Groups', { schemas: [groupSchema], displayName: 'Beta group', members: [{ value: betaUserId }] })).json().id;
    alphaGroupId = (await alpha.request('POST', '/Groups', { schemas: [groupSchema], displayName: 'Alpha group' })).json().id;
  });
  afterAll(() => t.close());

  it("never lists, finds or reads the other tenant's Users and Groups", async () => {
    expect((await alpha.request('GET', '/Users')).json().totalResults).toBe(0);
    expect((await alpha.request('GET', `/Users?filter=${encodeURIComponent('userName eq "beta.secret"')}`)).json().totalResults).toBe(0);
    expect((await alpha.request('GET', `/Users/${betaUserId}`)).statusCode).toBe(404);
    expect((await alpha.request('GET', `/Groups/${betaGroupId}`)).statusCode).toBe(404);
    const groups = (await alpha.request('GET', '/Groups')).json();
    expect(groups.Resources.map((group: { id: string }) => group.id)).toEqual([alphaGroupId]);
    const search = (await alpha.request('POST', '/.search', { filter: 'displayName co "Beta"' })).json();
    expect(search.totalResults).toBe(0);
    // The same request by the other tenant's token does find them: the test can fail.
    expect((await beta.request('GET', `/Users/${betaUserId}`)).statusCode).toBe(200);
  });

  it("cannot change, delete or add as a member the other tenant's resources", async () => {
    expect((await alpha.request('PUT', `/Users/${betaUserId}`, { schemas: [userSchema], userName: 'taken.over' })).statusCode).toBe(404);
    expect((await alpha.request('PATCH', `/Groups/${betaGroupId}`, { schemas: [patchOp], Operations: [{ op: 'remove', path: 'members' }] })).statusCode).toBe(404);
    expect((await alpha.request('DELETE', `/Users/${betaUserId}`)).statusCode).toBe(404);
    const member = await alpha.request('PATCH', `/Groups/${alphaGroupId}`, { schemas: [patchOp], Operations: [{ op: 'add', path: 'members', value: [{ value: betaUserId }] }] });
    expect(member.statusCode).toBe(400);
    expect(member.json().scimType).toBe('invalidValue');
    const betaGroup = (await beta.request('GET', `/Groups/${betaGroupId}`)).json();
    expect(betaGroup.members.map((m: { value: string }) => m.value)).toEqual([betaUserId]);
    // A userName only has to be unique within a tenant.
    expect((await alpha.request('POST', '/Users', { schemas: [userSchema], userName: 'beta.secret' })).statusCode).toBe(201);
  });
});
