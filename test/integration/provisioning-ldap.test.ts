/**
 * The LDAP connector against a real slapd, once per flavour with the same behaviour cases: OpenLDAP
 * (inetOrgPerson, groupOfNames, disabled = moved to ou=disabled) and Active Directory, imitated by
 * test/support/ad-imitation.schema (user/group, sAMAccountName, userPrincipalName,
 * userAccountControl) with the overlays that behave as AD does. One slapd per flavour.
 */
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LdapConnector, type LdapSettings } from '../../server/src/modules/provisioning/connectors/ldap.ts';
import type { AccountData } from '../../server/src/modules/provisioning/connectors/types.ts';
import { slapdUnavailable, startSlapd, type Slapd } from '../support/slapd.ts';

const skip = slapdUnavailable();

type Flavour = LdapSettings['flavour'];

interface FlavourCase {
  flavour: Flavour;
  title: string;
  /** The DN the flavour gives an account under `parent`. */
  dnOf(account: AccountData, parent: string): string;
  extraSettings: Partial<LdapSettings>;
}

const flavours: FlavourCase[] = [
  {
    flavour: 'openldap',
    title: 'OpenLDAP (inetOrgPerson, groupOfNames, disabled accounts moved to their own OU)',
    dnOf: (a, parent) => `uid=${a.username},${parent}`,
    extraSettings: {},
  },
  {
    flavour: 'active_directory',
    title: 'Active Directory (imitated: user, group, sAMAccountName, userPrincipalName, userAccountControl)',
    dnOf: (a, parent) => `CN=${a.givenName} ${a.familyName} (${a.username}),${parent}`,
    extraSettings: { upnSuffix: 'kommune.no' },
  },
];

/** DNs compared as the directories compare them (slapd writes `cn=` for the connector's `CN=`). */
const sameDn = (dn: string | undefined) => dn?.replace(/\s*,\s*/g, ',').toLowerCase();

for (const f of flavours) {
  const ad = f.flavour === 'active_directory';

  const dnOf = (a: AccountData, parent: string) => sameDn(f.dnOf(a, parent));

  describe.skipIf(skip)(`LDAP connector, ${f.title}, against a real slapd`, () => {
    let slapd: Slapd;
    let ldap: LdapConnector;
    let raw: Client;
    const kari: AccountData = { username: 'kari.nordmann', email: 'kari.nordmann@kommune.test', givenName: 'Kari', familyName: 'Nordmann', employeeNumber: '1001' };
    const ola: AccountData = { username: 'ola.dunk', email: null, givenName: 'Ola', familyName: 'Dunk', employeeNumber: '1002' };
    const teachers = () => `cn=larere,${slapd.groupsDn}`;
    const office = () => `cn=kontor,${slapd.groupsDn}`;
    const settings = (): LdapSettings => ({
      url: slapd.url,
      bindDn: slapd.rootDn,
      usersDn: slapd.usersDn,
      disabledDn: slapd.disabledDn,
      groupsDn: slapd.groupsDn,
      flavour: f.flavour,
      ...f.extraSettings,
    });
    /** The entry as the directory has it, read past the connector. */
    const entryOf = async (username: string) => {
      const { searchEntries } = await raw.search(slapd.suffix, { filter: ad ? `(sAMAccountName=${username})` : `(uid=${username})`, attributes: ['*', 'memberOf'] });
      return searchEntries[0];
    };
    /** The accounts as the connector lists them, DNs normalised. */
    const listed = async () => (await ldap.listAccounts()).map((a) => ({ ...a, externalId: sameDn(a.externalId)!, groups: a.groups.map((g) => sameDn(g)!) }));
    const accountOf = async (username: string) => (await listed()).find((a) => a.username === username);

    beforeAll(async () => {
      slapd = await startSlapd({ groups: ['larere', 'kontor'], flavour: f.flavour });
      ldap = new LdapConnector(settings(), { bindPassword: slapd.rootPassword });
      raw = new Client({ url: slapd.url });
      await raw.bind(slapd.rootDn, slapd.rootPassword);
    });
    afterAll(async () => {
      await ldap?.close();
      await raw?.unbind().catch(() => undefined);
      await slapd?.stop();
    });

    it('creates the account once; a second create finds it and changes nothing', async () => {
      const first = await ldap.createAccount(kari);
      expect(sameDn(first.externalId)).toBe(dnOf(kari, slapd.usersDn));
      expect((await ldap.createAccount(kari)).note).toBe('Kontoen fantes allerede');
      const accounts = await listed();
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ username: 'kari.nordmann', active: true, email: 'kari.nordmann@kommune.test', displayName: 'Kari Nordmann', groups: [] });
      const entry = await entryOf('kari.nordmann');
      if (ad) {
        expect(entry).toMatchObject({ sAMAccountName: 'kari.nordmann', userPrincipalName: 'kari.nordmann@kommune.no', userAccountControl: '512', employeeNumber: '1001' });
        expect(entry!.objectClass).toContain('user');
        // A random initial password that must be changed at first logon, as AD needs to enable the account.
        const { searchEntries } = await raw.search(entry!.dn, { scope: 'base', attributes: ['unicodePwd', 'pwdLastSet'], explicitBufferAttributes: ['unicodePwd'] });
        expect((searchEntries[0]!.unicodePwd as Buffer).toString('utf16le')).toMatch(/^"[A-Za-z0-9_-]{24}aZ7-"$/);
        expect(searchEntries[0]!.pwdLastSet).toBe('0');
      } else {
        expect(entry).toMatchObject({ uid: 'kari.nordmann', employeeNumber: '1001' });
        expect(entry!.objectClass).toContain('inetOrgPerson');
      }
    });

    it('adds to and removes from groups idempotently, and the group stays valid when the last member leaves', async () => {
      await ldap.addToGroup(kari, teachers());
      expect((await ldap.addToGroup(kari, teachers())).note).toBe('Allerede medlem');
      await ldap.addToGroup(kari, office());
      expect((await accountOf('kari.nordmann'))!.groups.sort()).toEqual([office(), teachers()].sort());
      await ldap.removeFromGroup(kari, office());
      expect((await ldap.removeFromGroup(kari, office())).note).toBe('Var ikke medlem');
      expect((await accountOf('kari.nordmann'))!.groups).toEqual([teachers()]);
      const { searchEntries } = await raw.search(office(), { scope: 'base', attributes: ['member'] });
      // groupOfNames must have a member (the placeholder stands in); an AD group may be empty.
      expect(searchEntries[0]!.member ?? []).toEqual(ad ? [] : slapd.rootDn);
    });

    it('refuses a group that does not exist as an error retrying cannot fix', async () => {
      await expect(ldap.addToGroup(kari, `cn=finnes-ikke,${slapd.groupsDn}`)).rejects.toMatchObject({ permanent: true });
    });

    it('brings a changed name up to date once; running it again changes nothing', async () => {
      const married = { ...kari, familyName: 'Nordmann-Berg' };
      const outcome = await ldap.updateAccount(married);
      expect(sameDn(outcome.externalId)).toBe(dnOf(married, slapd.usersDn));
      expect((await ldap.updateAccount(married)).note).toBe('Kontoen var allerede oppdatert');
      expect(await accountOf('kari.nordmann')).toMatchObject({ displayName: 'Kari Nordmann-Berg', externalId: dnOf(married, slapd.usersDn), groups: [teachers()] });
      expect(await entryOf('kari.nordmann')).toMatchObject({ sn: 'Nordmann-Berg', givenName: 'Kari' });
      Object.assign(kari, married);
    });

    it('renames with modifyDN, carrying the group memberships (and for AD the logon names) to the new name', async () => {
      const renamed = { ...kari, username: 'kari.hansen', familyName: 'Hansen', email: 'kari.hansen@kommune.test' };
      const outcome = await ldap.renameAccount('kari.nordmann', renamed);
      expect(sameDn(outcome.externalId)).toBe(dnOf(renamed, slapd.usersDn));
      const accounts = await listed();
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ username: 'kari.hansen', externalId: dnOf(renamed, slapd.usersDn), email: 'kari.hansen@kommune.test', displayName: 'Kari Hansen', groups: [teachers()] });
      const { searchEntries } = await raw.search(teachers(), { scope: 'base', attributes: ['member'] });
      expect([searchEntries[0]!.member].flat().map((m) => sameDn(String(m)))).toContain(dnOf(renamed, slapd.usersDn));
      if (ad) expect(await entryOf('kari.hansen')).toMatchObject({ sAMAccountName: 'kari.hansen', userPrincipalName: 'kari.hansen@kommune.no' });
      // Running the same rename again does nothing new.
      expect((await ldap.renameAccount('kari.nordmann', renamed)).note).toBe('Kontoen hadde allerede det nye navnet');
      Object.assign(kari, renamed);
    });

    it(`disables ${ad ? 'with userAccountControl 514' : 'by moving to ou=disabled'} without group memberships, once`, async () => {
      const outcome = await ldap.disableAccount(kari);
      const disabledDn = dnOf(kari, slapd.disabledDn);
      expect(sameDn(outcome.externalId)).toBe(disabledDn);
      expect((await ldap.disableAccount(kari)).note).toBe('Kontoen var allerede deaktivert');
      expect(await listed()).toEqual([expect.objectContaining({ username: 'kari.hansen', active: false, externalId: disabledDn, groups: [] })]);
      if (ad) expect(await entryOf('kari.hansen')).toMatchObject({ userAccountControl: '514' });
    });

    it(`enables again when created anew${ad ? ' (userAccountControl 512)' : ''}, back among the active accounts`, async () => {
      const outcome = await ldap.createAccount(kari);
      expect(sameDn(outcome.externalId)).toBe(dnOf(kari, slapd.usersDn));
      expect((await ldap.createAccount(kari)).note).toBe('Kontoen fantes allerede');
      expect(await listed()).toEqual([expect.objectContaining({ username: 'kari.hansen', active: true, externalId: dnOf(kari, slapd.usersDn) })]);
      if (ad) expect(await entryOf('kari.hansen')).toMatchObject({ userAccountControl: '512' });
    });

    it('lists every account for reconciliation, active and disabled, with its groups', async () => {
      await ldap.createAccount(ola);
      await ldap.addToGroup(ola, office());
      await ldap.disableAccount(ola);
      await ldap.addToGroup(kari, office());
      if (ad) {
        // In AD a computer is a user too; it is not a person's account.
        await raw.add(`CN=PC-0042,${slapd.usersDn}`, { objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'], cn: 'PC-0042', sn: 'PC-0042', sAMAccountName: 'PC-0042$', userAccountControl: '4096' });
      }
      const accounts = (await listed()).sort((a, b) => a.username.localeCompare(b.username));
      expect(accounts).toEqual([
        { username: 'kari.hansen', externalId: dnOf(kari, slapd.usersDn), active: true, email: 'kari.hansen@kommune.test', displayName: 'Kari Hansen', groups: [office()] },
        { username: 'ola.dunk', externalId: dnOf(ola, slapd.disabledDn), active: false, email: null, displayName: 'Ola Dunk', groups: [] },
      ]);
    });

    it('reports a wrong password as a connector error naming the server', async () => {
      const wrong = new LdapConnector({ ...settings(), bindDn: slapd.rootDn }, { bindPassword: 'feil' });
      await expect(wrong.listAccounts()).rejects.toThrow(/Kunne ikke logge inn på LDAP-tjeneren/);
      await wrong.close();
    });

    if (ad) {
      it('disables and enables by the ACCOUNTDISABLE bit alone, keeping the other userAccountControl flags', async () => {
        const per: AccountData = { username: 'per.hansen', email: null, givenName: 'Per', familyName: 'Hansen', employeeNumber: '1003' };
        await ldap.createAccount(per);
        // 66048 = NORMAL_ACCOUNT (512) + DONT_EXPIRE_PASSWORD (65536), as an AD admin may have set it.
        const { Attribute, Change } = await import('ldapts');
        await raw.modify(f.dnOf(per, slapd.usersDn), new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: ['66048'] }) }));
        await ldap.disableAccount(per);
        expect(await entryOf('per.hansen')).toMatchObject({ userAccountControl: '66050' });
        await ldap.createAccount(per);
        expect(await entryOf('per.hansen')).toMatchObject({ userAccountControl: '66048' });
      });

      it('disables in place when no OU for disabled accounts is set, and lists an OU for them inside the users OU once', async () => {
        const inPlace = new LdapConnector({ ...settings(), disabledDn: undefined }, { bindPassword: slapd.rootPassword });
        const siri: AccountData = { username: 'siri.lund', email: null, givenName: 'Siri', familyName: 'Lund', employeeNumber: '1005' };
        await inPlace.createAccount(siri);
        expect(sameDn((await inPlace.disableAccount(siri)).externalId)).toBe(dnOf(siri, slapd.usersDn));
        expect(await entryOf('siri.lund')).toMatchObject({ userAccountControl: '514' });
        expect((await inPlace.listAccounts()).find((a) => a.username === 'siri.lund')).toMatchObject({ active: false });
        await inPlace.close();

        const nestedOu = `ou=deaktivert,${slapd.usersDn}`;
        await raw.add(nestedOu, { objectClass: 'organizationalUnit', ou: 'deaktivert' });
        const nested = new LdapConnector({ ...settings(), disabledDn: nestedOu }, { bindPassword: slapd.rootPassword });
        const tor: AccountData = { username: 'tor.lund', email: null, givenName: 'Tor', familyName: 'Lund', employeeNumber: '1006' };
        await nested.createAccount(tor);
        expect(sameDn((await nested.disableAccount(tor)).externalId)).toBe(dnOf(tor, nestedOu));
        expect((await nested.listAccounts()).filter((a) => a.username === 'tor.lund')).toEqual([expect.objectContaining({ active: false })]);
        expect(sameDn((await nested.createAccount(tor)).externalId)).toBe(dnOf(tor, slapd.usersDn));
        expect(await entryOf('tor.lund')).toMatchObject({ userAccountControl: '512' });
        await nested.close();
      });

      it('cuts a long name short in the cn, which AD caps at 64 characters, keeping the username in it', async () => {
        const long: AccountData = { username: 'anne.sol', email: null, givenName: 'Anne-Marie Kristine Elisabeth', familyName: 'Solberg-Johannessen Aasheim', employeeNumber: '1007' };
        const outcome = await ldap.createAccount(long);
        const cn = /^cn=(.*?),ou=/i.exec(outcome.externalId!)![1]!;
        expect(cn).toHaveLength(64);
        expect(cn.endsWith(' (anne.sol)')).toBe(true);
        expect(await entryOf('anne.sol')).toMatchObject({ cn, displayName: 'Anne-Marie Kristine Elisabeth Solberg-Johannessen Aasheim' });
        expect((await ldap.updateAccount(long)).note).toBe('Kontoen var allerede oppdatert');
      });

      it('refuses a logon name longer than the 20 characters AD allows, as an error retrying cannot fix', async () => {
        const long: AccountData = { username: 'kristoffer.andreassen', email: null, givenName: 'Kristoffer', familyName: 'Andreassen', employeeNumber: '1004' };
        await expect(ldap.createAccount(long)).rejects.toMatchObject({ permanent: true, message: expect.stringMatching(/20 tegn/) });
      });
    }
  });
}
