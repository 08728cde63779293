import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LdapConnector } from '../../server/src/modules/provisioning/connectors/ldap.ts';
import type { AccountData } from '../../server/src/modules/provisioning/connectors/types.ts';
import { slapdUnavailable, startSlapd, type Slapd } from '../support/slapd.ts';

const skip = slapdUnavailable();

describe.skipIf(skip)('LDAP connector against a real OpenLDAP slapd', () => {
  let slapd: Slapd;
  let ldap: LdapConnector;
  const kari: AccountData = { username: 'kari.nordmann', email: 'kari.nordmann@kommune.test', givenName: 'Kari', familyName: 'Nordmann', employeeNumber: '1001' };
  const teachers = () => `cn=larere,${slapd.groupsDn}`;
  const office = () => `cn=kontor,${slapd.groupsDn}`;

  beforeAll(async () => {
    slapd = await startSlapd({ groups: ['larere', 'kontor'] });
    ldap = new LdapConnector(
      { url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'openldap' },
      { bindPassword: slapd.rootPassword },
    );
  });
  afterAll(async () => {
    await ldap?.close();
    await slapd?.stop();
  });

  it('creates an inetOrgPerson once; a second create finds it and changes nothing', async () => {
    const first = await ldap.createAccount(kari);
    expect(first.externalId).toBe(`uid=kari.nordmann,${slapd.usersDn}`);
    expect((await ldap.createAccount(kari)).note).toBe('Kontoen fantes allerede');
    const [account] = await ldap.listAccounts();
    expect(account).toMatchObject({ username: 'kari.nordmann', active: true, email: 'kari.nordmann@kommune.test', displayName: 'Kari Nordmann', groups: [] });
  });

  it('adds to and removes from groupOfNames, idempotently, keeping the group valid when the last member leaves', async () => {
    await ldap.addToGroup(kari, teachers());
    expect((await ldap.addToGroup(kari, teachers())).note).toBe('Allerede medlem');
    await ldap.addToGroup(kari, office());
    expect((await ldap.listAccounts())[0]!.groups.sort()).toEqual([office(), teachers()].sort());
    await ldap.removeFromGroup(kari, office());
    expect((await ldap.removeFromGroup(kari, office())).note).toBe('Var ikke medlem');
    expect((await ldap.listAccounts())[0]!.groups).toEqual([teachers()]);
  });

  it('refuses a group that does not exist as an error retrying cannot fix', async () => {
    await expect(ldap.addToGroup(kari, `cn=finnes-ikke,${slapd.groupsDn}`)).rejects.toMatchObject({ permanent: true });
  });

  it('renames with modifyDN and carries the group memberships to the new DN', async () => {
    const renamed = { ...kari, username: 'kari.hansen', familyName: 'Hansen', email: 'kari.hansen@kommune.test' };
    const outcome = await ldap.renameAccount('kari.nordmann', renamed);
    expect(outcome.externalId).toBe(`uid=kari.hansen,${slapd.usersDn}`);
    const accounts = await ldap.listAccounts();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ username: 'kari.hansen', email: 'kari.hansen@kommune.test', displayName: 'Kari Hansen', groups: [teachers()] });
    // Running the same rename again does nothing new.
    expect((await ldap.renameAccount('kari.nordmann', renamed)).note).toBe('Kontoen hadde allerede det nye navnet');
    Object.assign(kari, renamed);
  });

  it('disables by moving to ou=disabled without group memberships, and a later create brings it back', async () => {
    await ldap.disableAccount(kari);
    expect((await ldap.disableAccount(kari)).note).toBe('Kontoen var allerede deaktivert');
    expect(await ldap.listAccounts()).toEqual([expect.objectContaining({ username: 'kari.hansen', active: false, externalId: `uid=kari.hansen,${slapd.disabledDn}`, groups: [] })]);
    await ldap.createAccount(kari);
    expect(await ldap.listAccounts()).toEqual([expect.objectContaining({ username: 'kari.hansen', active: true, externalId: `uid=kari.hansen,${slapd.usersDn}` })]);
  });

  it('reports a wrong password as a connector error naming the server', async () => {
    const wrong = new LdapConnector({ url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, flavour: 'openldap' }, { bindPassword: 'feil' });
    await expect(wrong.listAccounts()).rejects.toThrow(/Kunne ikke logge inn på LDAP-tjeneren/);
    await wrong.close();
  });
});
