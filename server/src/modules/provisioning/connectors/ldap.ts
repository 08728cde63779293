/**
 * LDAP / Active Directory connector on ldapts. OpenLDAP: inetOrgPerson accounts named by uid under
 * `usersDn`, disabled by moving them to `disabledDn`; AD: user objects named "CN=Given Family
 * (username)" with sAMAccountName and userPrincipalName, disabled by the ACCOUNTDISABLE bit of
 * userAccountControl (and moved to `disabledDn` when one is set). Either way a disabled account
 * leaves its groups. Group membership is groupOfNames/group `member` by DN, so a rename or move
 * rewrites the memberships that named the old DN (OpenLDAP has no referential integrity unless the
 * refint overlay is on, which we do not assume; AD does it itself, and then there is nothing left
 * to rewrite). The AD flavour is tested against slapd with test/support/ad-imitation.schema.
 */
import { AndFilter, Attribute, Change, Client, EqualityFilter, NoSuchAttributeError, NoSuchObjectError, NotFilter, ObjectClassViolationError, TypeOrValueExistsError, type Entry, type Filter } from 'ldapts';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConnectorError, type AccountData, type Connector, type ObservedAccount, type Outcome } from './types.ts';

export const ldapSettingsSchema = z.object({
  url: z.string().regex(/^ldaps?:\/\//, 'Adressen må begynne med ldap:// eller ldaps://'),
  bindDn: z.string().min(1),
  usersDn: z.string().min(1),
  /** Where disabled accounts are moved: required for OpenLDAP; for AD optional (without it AD disables in place). */
  disabledDn: z.string().optional(),
  groupsDn: z.string().optional(),
  flavour: z.enum(['openldap', 'active_directory']).default('openldap'),
  /** groupOfNames must have a member; this DN stands in when the last real member leaves. */
  placeholderMember: z.string().optional(),
  /** AD: the UPN suffix, e.g. "kommune.no"; userPrincipalName becomes username@suffix. */
  upnSuffix: z
    .string()
    .regex(/^[^@\s]+$/, 'UPN-suffikset skrives uten @, for eksempel kommune.no')
    .optional(),
});
export type LdapSettings = z.infer<typeof ldapSettingsSchema>;
export const ldapSecretsSchema = z.object({ bindPassword: z.string() });

/** Escapes a value for use in one RDN (RFC 4514). */
export function escapeRdnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

const first = (value: Entry[string] | undefined): string | null => {
  if (value === undefined) return null;
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined ? null : String(v);
};
const all = (value: Entry[string] | undefined): string[] => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String));

/** userAccountControl flags (AD): NORMAL_ACCOUNT, and ACCOUNTDISABLE which disabling sets and enabling clears. */
const UAC_NORMAL = 0x200;
const UAC_ACCOUNTDISABLE = 0x2;
const uacOf = (entry: Entry) => Number(first(entry.userAccountControl) ?? UAC_NORMAL);

/**
 * AD will not enable an account without a password under the default password policy (0000052D),
 * so an account is created with a random one nobody knows (144 random bits, plus one character of
 * each kind the complexity rule counts) that must be changed at first logon (pwdLastSet 0); the
 * person sets their own through the municipality's password reset. AD takes unicodePwd only over
 * an encrypted connection (ldaps://), as the UTF-16LE bytes of the password in double quotes.
 */
const initialPassword = () => Buffer.from(`"${randomBytes(18).toString('base64url')}aZ7-"`, 'utf16le');

/** AD caps a user's sAMAccountName at 20 characters and forbids these in it. */
const SAM_MAX = 20;
const SAM_FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;

/** AD's cn holds at most 64 characters. */
const AD_CN_MAX = 64;
/** "Given Family (username)", the name cut short so the whole stays within what AD's cn holds. */
function adCommonName(account: Pick<AccountData, 'givenName' | 'familyName' | 'username'>): string {
  const suffix = ` (${account.username})`;
  const name = `${account.givenName} ${account.familyName}`.trim();
  return `${[...name].slice(0, Math.max(0, AD_CN_MAX - suffix.length)).join('').trimEnd()}${suffix}`;
}

/** A DN compared loosely: no spaces around commas, case-insensitive (both directories ignore case). */
const normalDn = (dn: string) => dn.replace(/\s*,\s*/g, ',').toLowerCase();
const parentOf = (dn: string) => dn.slice(dn.indexOf(',') + 1);

export class LdapConnector implements Connector {
  private client: Client | undefined;
  private readonly ad: boolean;

  constructor(
    private readonly settings: LdapSettings,
    private readonly secrets: { bindPassword: string },
  ) {
    this.ad = settings.flavour === 'active_directory';
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ url: this.settings.url, timeout: 10_000, connectTimeout: 5_000 });
    try {
      await client.bind(this.settings.bindDn, this.secrets.bindPassword);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw new ConnectorError(`Kunne ikke logge inn på LDAP-tjeneren ${this.settings.url}: ${(error as Error).message}`);
    }
    this.client = client;
    return client;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.unbind().catch(() => undefined);
  }

  private get nameAttribute() {
    return this.ad ? 'sAMAccountName' : 'uid';
  }

  private dnFor(account: AccountData, parent: string): string {
    return this.ad
      ? `CN=${escapeRdnValue(adCommonName(account))},${parent}`
      : `uid=${escapeRdnValue(account.username)},${parent}`;
  }

  /** People's accounts: in AD a computer is a `user` too, and is left out. */
  private accountFilter(username?: string): Filter {
    const filters: Filter[] = this.ad
      ? [new EqualityFilter({ attribute: 'objectClass', value: 'user' }), new NotFilter({ filter: new EqualityFilter({ attribute: 'objectClass', value: 'computer' }) })]
      : [new EqualityFilter({ attribute: 'objectClass', value: 'inetOrgPerson' })];
    if (username !== undefined) filters.push(new EqualityFilter({ attribute: this.nameAttribute, value: username }));
    return new AndFilter({ filters });
  }

  /** AD refuses a logon name it cannot hold; saying so up front beats a cryptic "problem 22". */
  private checkUsername(username: string) {
    if (!this.ad) return;
    if (username.length > SAM_MAX) throw new ConnectorError(`Brukernavnet «${username}» er lengre enn de ${SAM_MAX} tegnene Active Directory tillater (sAMAccountName)`, true);
    if (SAM_FORBIDDEN.test(username)) throw new ConnectorError(`Brukernavnet «${username}» har tegn Active Directory ikke tillater i sAMAccountName`, true);
  }

  /** Whether the DN lies under `disabledDn` (which may itself lie under `usersDn`, as OU=Disabled often does in AD). */
  private inDisabledOu(dn: string) {
    return Boolean(this.settings.disabledDn) && normalDn(dn).endsWith(`,${normalDn(this.settings.disabledDn!)}`);
  }

  /** The account's entry wherever it is (active or disabled), or null. */
  private async find(username: string): Promise<{ dn: string; entry: Entry; disabled: boolean } | null> {
    const client = await this.connection();
    const bases = [this.settings.usersDn, ...(this.settings.disabledDn ? [this.settings.disabledDn] : [])];
    for (const base of bases) {
      try {
        const { searchEntries } = await client.search(base, { scope: 'sub', filter: this.accountFilter(username), attributes: ['*'] });
        const entry = searchEntries[0];
        if (entry) {
          const disabled = this.ad ? (uacOf(entry) & UAC_ACCOUNTDISABLE) !== 0 : this.inDisabledOu(entry.dn);
          return { dn: entry.dn, entry, disabled };
        }
      } catch (error) {
        if (!(error instanceof NoSuchObjectError)) throw error;
      }
    }
    return null;
  }

  private attributes(account: AccountData): Record<string, string | string[]> {
    const cn = `${account.givenName} ${account.familyName}`.trim();
    const common: Record<string, string | string[]> = {
      cn: this.ad ? adCommonName(account) : cn,
      sn: account.familyName || account.username,
      givenName: account.givenName,
      displayName: cn,
      employeeNumber: account.employeeNumber,
      ...(account.email ? { mail: account.email } : {}),
    };
    return this.ad
      ? {
          objectClass: ['top', 'person', 'organizationalPerson', 'user'],
          sAMAccountName: account.username,
          userAccountControl: String(UAC_NORMAL),
          ...(this.settings.upnSuffix ? { userPrincipalName: this.upnOf(account) } : {}),
          ...common,
        }
      : { objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'], uid: account.username, ...common };
  }

  private upnOf(account: AccountData) {
    return `${account.username}@${this.settings.upnSuffix}`;
  }

  private setUac(dn: string, value: number) {
    return this.connection().then((client) =>
      client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [String(value)] }) })),
    );
  }

  async createAccount(account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (existing && !existing.disabled) return { externalId: existing.dn, note: 'Kontoen fantes allerede' };
    if (existing) {
      let dn = existing.dn;
      if (!this.ad || this.inDisabledOu(existing.dn)) {
        dn = this.dnFor(account, this.settings.usersDn);
        await client.modifyDN(existing.dn, dn);
      }
      if (this.ad) {
        // Clear ACCOUNTDISABLE only, keeping whatever else an administrator has set.
        await this.setUac(dn, uacOf(existing.entry) & ~UAC_ACCOUNTDISABLE);
        return { externalId: dn, note: 'Kontoen var deaktivert og er aktivert igjen' };
      }
      return { externalId: dn, note: 'Kontoen var deaktivert og er flyttet tilbake' };
    }
    this.checkUsername(account.username);
    const dn = this.dnFor(account, this.settings.usersDn);
    const attributes = Object.entries(this.attributes(account)).map(([type, values]) => new Attribute({ type, values: Array.isArray(values) ? values : [values] }));
    if (this.ad) attributes.push(new Attribute({ type: 'unicodePwd', values: [initialPassword()] }), new Attribute({ type: 'pwdLastSet', values: ['0'] }));
    await client.add(dn, attributes);
    return { externalId: dn, note: 'Kontoen er opprettet' };
  }

  async updateAccount(account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (!existing) throw new ConnectorError(`Kontoen ${account.username} finnes ikke i katalogen`);
    let dn = existing.dn;
    const done: string[] = [];
    if (this.ad) {
      // In AD cn is the RDN, the name people see in the directory: a new name moves the entry.
      const wantedDn = this.dnFor(account, parentOf(existing.dn));
      if (normalDn(wantedDn) !== normalDn(existing.dn)) {
        await client.modifyDN(existing.dn, wantedDn);
        await this.rewriteMemberships(existing.dn, wantedDn);
        dn = wantedDn;
        done.push('cn');
      }
    }
    const wanted = this.attributes(account);
    const changes: Change[] = [];
    const types = this.ad ? (['sn', 'givenName', 'displayName', 'mail', ...(this.settings.upnSuffix ? (['userPrincipalName'] as const) : [])] as const) : (['cn', 'sn', 'givenName', 'displayName', 'mail'] as const);
    for (const type of types) {
      const value = wanted[type];
      const current = first(existing.entry[type]);
      if (value === undefined && current !== null) changes.push(new Change({ operation: 'delete', modification: new Attribute({ type }) }));
      else if (value !== undefined && current !== value) changes.push(new Change({ operation: 'replace', modification: new Attribute({ type, values: [String(value)] }) }));
    }
    if (changes.length > 0) await client.modify(dn, changes);
    done.push(...changes.map((c) => c.modification.type));
    if (done.length === 0) return { externalId: dn, note: 'Kontoen var allerede oppdatert' };
    return { externalId: dn, note: `Oppdatert: ${done.join(', ')}` };
  }

  async renameAccount(previousUsername: string, account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    if (previousUsername === account.username) return this.updateAccount(account);
    const already = await this.find(account.username);
    const existing = already ?? (await this.find(previousUsername));
    if (!existing) throw new ConnectorError(`Kontoen ${previousUsername} finnes ikke i katalogen`);
    if (!already) {
      this.checkUsername(account.username);
      const dn = this.dnFor(account, parentOf(existing.dn));
      await client.modifyDN(existing.dn, dn);
      if (this.ad) {
        await client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'sAMAccountName', values: [account.username] }) }));
      }
      await this.rewriteMemberships(existing.dn, dn);
    }
    const updated = await this.updateAccount(account);
    return { externalId: updated.externalId ?? existing.dn, note: already ? 'Kontoen hadde allerede det nye navnet' : `Omdøpt fra ${previousUsername}` };
  }

  async disableAccount(account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (!existing) return { note: 'Ingen konto å deaktivere' };
    if (existing.disabled) return { externalId: existing.dn, note: 'Kontoen var allerede deaktivert' };
    if (!this.ad && !this.settings.disabledDn) throw new ConnectorError('Koblingen mangler «disabledDn» (hvor deaktiverte kontoer flyttes)', true);
    // A disabled account keeps no group memberships: access ends with it.
    for (const group of await this.groupsOf(existing.dn)) await this.removeMember(group, existing.dn);
    if (this.ad) {
      // Set ACCOUNTDISABLE only (512 becomes 514), keeping whatever else an administrator has set.
      await this.setUac(existing.dn, uacOf(existing.entry) | UAC_ACCOUNTDISABLE);
      if (!this.settings.disabledDn) return { externalId: existing.dn, note: 'Kontoen er deaktivert og tatt ut av alle grupper' };
    }
    const dn = this.dnFor(account, this.settings.disabledDn!);
    await client.modifyDN(existing.dn, dn);
    return { externalId: dn, note: this.ad ? 'Kontoen er deaktivert, flyttet til deaktiverte og tatt ut av alle grupper' : 'Kontoen er flyttet til deaktiverte og tatt ut av alle grupper' };
  }

  private groupsBase() {
    return this.settings.groupsDn ?? parentOf(this.settings.usersDn);
  }

  private async groupsOf(memberDn: string): Promise<string[]> {
    const client = await this.connection();
    const { searchEntries } = await client.search(this.groupsBase(), {
      scope: 'sub',
      filter: new EqualityFilter({ attribute: 'member', value: memberDn }),
      attributes: ['dn'],
    });
    return searchEntries.map((e) => e.dn);
  }

  /** Whether the group lists the DN, by an LDAP compare (no need to read a large group's members). */
  private async isMember(group: string, memberDn: string): Promise<boolean> {
    const client = await this.connection();
    try {
      return await client.compare(group, 'member', memberDn);
    } catch (error) {
      // A group with no members at all (allowed in AD) has no `member` to compare.
      if (error instanceof NoSuchAttributeError) return false;
      if (error instanceof NoSuchObjectError) throw new ConnectorError(`Gruppen ${group} finnes ikke i katalogen`, true);
      throw error;
    }
  }

  private async removeMember(group: string, memberDn: string): Promise<boolean> {
    const client = await this.connection();
    if (!(await this.isMember(group, memberDn))) return false;
    try {
      await client.modify(group, new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [memberDn] }) }));
    } catch (error) {
      if (!(error instanceof ObjectClassViolationError) || this.ad) throw error;
      // groupOfNames requires a member: the last one leaving is replaced by the placeholder.
      const placeholder = this.settings.placeholderMember ?? this.settings.bindDn;
      await client.modify(group, new Change({ operation: 'replace', modification: new Attribute({ type: 'member', values: [placeholder] }) }));
    }
    return true;
  }

  /**
   * Points the groups that name `oldDn` at `newDn`. A directory with referential integrity (AD;
   * OpenLDAP's refint overlay, which does it a moment after the rename) may be doing the same at
   * once, so a value already added or already gone is not an error.
   */
  private async rewriteMemberships(oldDn: string, newDn: string) {
    const client = await this.connection();
    for (const group of await this.groupsOf(oldDn)) {
      try {
        await client.modify(group, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [newDn] }) }));
      } catch (error) {
        if (!(error instanceof TypeOrValueExistsError)) throw error;
      }
      try {
        await client.modify(group, new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [oldDn] }) }));
      } catch (error) {
        if (!(error instanceof NoSuchAttributeError)) throw error;
      }
    }
  }

  async addToGroup(account: AccountData, group: string): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (!existing || existing.disabled) throw new ConnectorError(`Kontoen ${account.username} finnes ikke eller er deaktivert`);
    if (await this.isMember(group, existing.dn)) return { externalId: existing.dn, note: 'Allerede medlem' };
    const placeholder = this.settings.placeholderMember ?? this.settings.bindDn;
    const changes = [new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [existing.dn] }) })];
    if (!this.ad && (await this.isMember(group, placeholder))) changes.push(new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [placeholder] }) }));
    await client.modify(group, changes);
    return { externalId: existing.dn, note: `Lagt til i ${group}` };
  }

  async removeFromGroup(account: AccountData, group: string): Promise<Outcome> {
    const existing = await this.find(account.username);
    if (!existing) return { note: 'Ingen konto, ingen medlemskap å fjerne' };
    const removed = await this.removeMember(group, existing.dn);
    return { externalId: existing.dn, note: removed ? `Fjernet fra ${group}` : 'Var ikke medlem' };
  }

  /**
   * Every account with its groups under the groups base. OpenLDAP: read from the groups' `member`.
   * AD: from each user's memberOf, because AD hands out a group's `member` in ranges of 1,500
   * (`member;range=0-1499`), so reading the groups would silently lose people in large groups.
   */
  async listAccounts(): Promise<ObservedAccount[]> {
    const client = await this.connection();
    const groupsByMember = new Map<string, string[]>();
    if (!this.ad) {
      const { searchEntries: groups } = await client.search(this.groupsBase(), { scope: 'sub', filter: '(objectClass=groupOfNames)', attributes: ['member'] });
      for (const group of groups) {
        for (const member of all(group.member)) {
          const key = normalDn(member);
          groupsByMember.set(key, [...(groupsByMember.get(key) ?? []), group.dn]);
        }
      }
    }
    const groupsSuffix = `,${normalDn(this.groupsBase())}`;
    const groupsOfEntry = (entry: Entry) =>
      this.ad
        ? all(entry.memberOf).filter((g) => normalDn(g).endsWith(groupsSuffix))
        : (groupsByMember.get(normalDn(entry.dn)) ?? []);
    const accounts: ObservedAccount[] = [];
    const seen = new Set<string>();
    const bases = [this.settings.usersDn, ...(this.settings.disabledDn ? [this.settings.disabledDn] : [])];
    for (const base of bases) {
      let entries: Entry[] = [];
      try {
        entries = (await client.search(base, { scope: 'sub', filter: this.accountFilter(), attributes: ['*', ...(this.ad ? ['memberOf'] : [])], paged: { pageSize: 500 } })).searchEntries;
      } catch (error) {
        if (!(error instanceof NoSuchObjectError)) throw error;
      }
      for (const entry of entries) {
        const username = first(entry[this.nameAttribute]);
        // A disabled OU inside the users OU is searched twice; each account counts once.
        if (!username || seen.has(normalDn(entry.dn))) continue;
        seen.add(normalDn(entry.dn));
        const disabled = this.ad ? (uacOf(entry) & UAC_ACCOUNTDISABLE) !== 0 : this.inDisabledOu(entry.dn);
        accounts.push({
          username,
          externalId: entry.dn,
          active: !disabled,
          email: first(entry.mail),
          displayName: first(entry.displayName) ?? first(entry.cn),
          groups: groupsOfEntry(entry),
        });
      }
    }
    return accounts;
  }
}
