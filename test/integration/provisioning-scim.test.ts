import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScimConnector } from '../../server/src/modules/provisioning/connectors/scim.ts';
import type { AccountData } from '../../server/src/modules/provisioning/connectors/types.ts';
import { startScimPeer, type ScimPeer } from '../support/scim-peer.ts';

describe('SCIM client connector against a SCIMMY service', () => {
  let peer: ScimPeer;
  let scim: ScimConnector;
  const ola: AccountData = { username: 'ola.nordmann', email: 'ola@kommune.test', givenName: 'Ola', familyName: 'Nordmann', employeeNumber: '2001' };

  beforeAll(async () => {
    peer = await startScimPeer();
    peer.addGroup('Saksbehandler');
    peer.addGroup('Leser');
    scim = new ScimConnector({ baseUrl: peer.baseUrl, externalIdFrom: 'employee_number' }, { bearerToken: peer.token });
  });
  afterAll(() => peer?.stop());

  it('creates a User once (userName eq finds it the second time)', async () => {
    const created = await scim.createAccount(ola);
    expect(created.note).toBe('Kontoen er opprettet');
    expect((await scim.createAccount(ola)).externalId).toBe(created.externalId);
    expect([...peer.users.values()]).toEqual([expect.objectContaining({ userName: 'ola.nordmann', externalId: '2001', active: true })]);
  });

  it('adds and removes group members with PATCH, idempotently', async () => {
    await scim.addToGroup(ola, 'Saksbehandler');
    expect((await scim.addToGroup(ola, 'Saksbehandler')).note).toBe('Allerede medlem');
    await scim.addToGroup(ola, 'Leser');
    expect((await scim.listAccounts())[0]!.groups.sort()).toEqual(['Leser', 'Saksbehandler']);
    await scim.removeFromGroup(ola, 'Leser');
    expect((await scim.removeFromGroup(ola, 'Leser')).note).toBe('Var ikke medlem');
    expect((await scim.listAccounts())[0]!.groups).toEqual(['Saksbehandler']);
  });

  it('renames and updates the e-mail, keeping the same resource', async () => {
    const before = [...peer.users.keys()];
    await scim.renameAccount('ola.nordmann', { ...ola, username: 'ola.berg', familyName: 'Berg', email: 'ola.berg@kommune.test' });
    expect([...peer.users.keys()]).toEqual(before);
    expect(await scim.listAccounts()).toEqual([expect.objectContaining({ username: 'ola.berg', email: 'ola.berg@kommune.test', active: true })]);
    ola.username = 'ola.berg';
  });

  it('disables with active=false and enables again on create', async () => {
    await scim.disableAccount(ola);
    expect((await scim.listAccounts())[0]!.active).toBe(false);
    expect((await scim.disableAccount(ola)).note).toBe('Kontoen var allerede deaktivert');
    expect((await scim.createAccount(ola)).note).toBe('Kontoen var deaktivert og er aktivert igjen');
  });

  it('pages through every user when listing', async () => {
    for (let i = 0; i < 44; i++) await scim.createAccount({ ...ola, username: `bruker${i}`, employeeNumber: `9${i}` });
    const paged = new ScimConnector({ baseUrl: peer.baseUrl, pageSize: 10 }, { bearerToken: peer.token });
    const all = await paged.listAccounts();
    expect(all).toHaveLength(45);
    expect(new Set(all.map((a) => a.username)).size).toBe(45);
  });

  it('tells a missing group (permanent) from an unavailable service (temporary)', async () => {
    await expect(scim.addToGroup(ola, 'Finnes ikke')).rejects.toMatchObject({ permanent: true });
    peer.failNext(1);
    await expect(scim.createAccount(ola)).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('503') });
    const wrongToken = new ScimConnector({ baseUrl: peer.baseUrl, externalIdFrom: 'none' }, { bearerToken: 'feil' });
    await expect(wrongToken.listAccounts()).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('401') });
  });
});
