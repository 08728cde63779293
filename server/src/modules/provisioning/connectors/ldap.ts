/**
 * LDAP / Active Directory connector on ldapts. OpenLDAP: inetOrgPerson accounts named by uid under
 * `usersDn`, disabled by moving them to `disabledDn`; AD: user objects with sAMAccountName, disabled
 * through userAccountControl. Group membership is groupOfNames/group `member` by DN, so a rename or
 * move rewrites the memberships that named the old DN (OpenLDAP has no referential integrity unless
 * the refint overlay is on, which we do not assume).
 */
import { Attribute, Change, Client, EqualityFilter, NoSuchObjectError, ObjectClassViolationError, type Entry } from 'ldapts';
import { z } from 'zod';
import { ConnectorError, type AccountData, type Connector, type ObservedAccount, type Outcome } from './types.ts';

export const ldapSettingsSchema = z.object({
  url: z.string().regex(/^ldaps?:\/\//, 'Adressen må begynne med ldap:// eller ldaps://'),
  bindDn: z.string().min(1),
  usersDn: z.string().min(1),
  /** OpenLDAP: where disabled accounts are moved. AD disables in place. */
  disabledDn: z.string().optional(),
  groupsDn: z.string().optional(),
  flavour: z.enum(['openldap', 'active_directory']).default('openldap'),
  /** groupOfNames must have a member; this DN stands in when the last real member leaves. */
  placeholderMember: z.string().optional(),
  /** AD: the UPN suffix, e.g. "kommune.no". */
  upnSuffix: z.string().optional(),
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

const UAC_NORMAL = 512;
const UAC_DISABLED = 514;

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
      ? `CN=${escapeRdnValue(`${account.givenName} ${account.familyName} (${account.username})`)},${parent}`
      : `uid=${escapeRdnValue(account.username)},${parent}`;
  }

  /** The account's entry wherever it is (active or disabled), or null. */
  private async find(username: string): Promise<{ dn: string; entry: Entry; disabled: boolean } | null> {
    const client = await this.connection();
    const bases = [this.settings.usersDn, ...(this.settings.disabledDn ? [this.settings.disabledDn] : [])];
    for (const base of bases) {
      try {
        const { searchEntries } = await client.search(base, {
          scope: 'sub',
          filter: new EqualityFilter({ attribute: this.nameAttribute, value: username }),
          attributes: ['*'],
        });
        const entry = searchEntries[0];
        if (entry) {
          const disabled = this.ad
            ? (Number(first(entry.userAccountControl) ?? UAC_NORMAL) & 2) === 2
            : Boolean(this.settings.disabledDn && base === this.settings.disabledDn);
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
      cn: this.ad ? `${cn} (${account.username})` : cn,
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
          ...(this.settings.upnSuffix ? { userPrincipalName: `${account.username}@${this.settings.upnSuffix}` } : {}),
          ...common,
        }
      : { objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'], uid: account.username, ...common };
  }

  async createAccount(account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (existing && !existing.disabled) return { externalId: existing.dn, note: 'Kontoen fantes allerede' };
    if (existing) {
      if (this.ad) {
        await client.modify(existing.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [String(UAC_NORMAL)] }) }));
        return { externalId: existing.dn, note: 'Kontoen var deaktivert og er aktivert igjen' };
      }
      const dn = this.dnFor(account, this.settings.usersDn);
      await client.modifyDN(existing.dn, dn);
      return { externalId: dn, note: 'Kontoen var deaktivert og er flyttet tilbake' };
    }
    const dn = this.dnFor(account, this.settings.usersDn);
    await client.add(dn, this.attributes(account));
    return { externalId: dn, note: 'Kontoen er opprettet' };
  }

  async updateAccount(account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (!existing) throw new ConnectorError(`Kontoen ${account.username} finnes ikke i katalogen`);
    const wanted = this.attributes(account);
    const changes: Change[] = [];
    for (const type of ['cn', 'sn', 'givenName', 'displayName', 'mail'] as const) {
      if (this.ad && type === 'cn') continue; // the RDN; changed only by a rename
      const value = wanted[type];
      const current = first(existing.entry[type]);
      if (value === undefined && current !== null) changes.push(new Change({ operation: 'delete', modification: new Attribute({ type }) }));
      else if (value !== undefined && current !== value) changes.push(new Change({ operation: 'replace', modification: new Attribute({ type, values: [String(value)] }) }));
    }
    if (changes.length === 0) return { externalId: existing.dn, note: 'Kontoen var allerede oppdatert' };
    await client.modify(existing.dn, changes);
    return { externalId: existing.dn, note: `Oppdatert: ${changes.map((c) => c.modification.type).join(', ')}` };
  }

  async renameAccount(previousUsername: string, account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    if (previousUsername === account.username) return this.updateAccount(account);
    const already = await this.find(account.username);
    const existing = already ?? (await this.find(previousUsername));
    if (!existing) throw new ConnectorError(`Kontoen ${previousUsername} finnes ikke i katalogen`);
    if (!already) {
      const parent = existing.dn.slice(existing.dn.indexOf(',') + 1);
      const dn = this.dnFor(account, parent);
      await client.modifyDN(existing.dn, dn);
      if (this.ad) {
        await client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'sAMAccountName', values: [account.username] }) }));
      }
      await this.rewriteMemberships(existing.dn, dn);
    }
    await this.updateAccount(account);
    const now = await this.find(account.username);
    return { externalId: now?.dn ?? existing.dn, note: already ? 'Kontoen hadde allerede det nye navnet' : `Omdøpt fra ${previousUsername}` };
  }

  async disableAccount(account: AccountData): Promise<Outcome> {
    const client = await this.connection();
    const existing = await this.find(account.username);
    if (!existing) return { note: 'Ingen konto å deaktivere' };
    if (existing.disabled) return { externalId: existing.dn, note: 'Kontoen var allerede deaktivert' };
    if (this.ad) {
      await client.modify(existing.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [String(UAC_DISABLED)] }) }));
      return { externalId: existing.dn, note: 'Kontoen er deaktivert' };
    }
    if (!this.settings.disabledDn) throw new ConnectorError('Koblingen mangler «disabledDn» (hvor deaktiverte kontoer flyttes)', true);
    // A disabled account keeps no group memberships: access ends with it.
    for (const group of await this.groupsOf(existing.dn)) await this.removeMember(group, existing.dn);
    const dn = this.dnFor(account, this.settings.disabledDn);
    await client.modifyDN(existing.dn, dn);
    return { externalId: dn, note: 'Kontoen er flyttet til deaktiverte og tatt ut av alle grupper' };
  }

  private groupsBase() {
    return this.settings.groupsDn ?? this.settings.usersDn.slice(this.settings.usersDn.indexOf(',') + 1);
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

  private async rewriteMemberships(oldDn: string, newDn: string) {
    const client = await this.connection();
    for (const group of await this.groupsOf(oldDn)) {
      await client.modify(group, [
        new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [newDn] }) }),
        new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [oldDn] }) }),
      ]);
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

  async listAccounts(): Promise<ObservedAccount[]> {
    const client = await this.connection();
    const objectClass = this.ad ? 'user' : 'inetOrgPerson';
    const groupsByMember = new Map<string, string[]>();
    const { searchEntries: groups } = await client.search(this.groupsBase(), {
      scope: 'sub',
      filter: this.ad ? '(objectClass=group)' : '(objectClass=groupOfNames)',
      attributes: ['member'],
    });
    for (const group of groups) {
      for (const member of all(group.member)) {
        const key = member.replace(/\s*,\s*/g, ',').toLowerCase();
        groupsByMember.set(key, [...(groupsByMember.get(key) ?? []), group.dn]);
      }
    }
    const accounts: ObservedAccount[] = [];
    const bases = [this.settings.usersDn, ...(this.settings.disabledDn ? [this.settings.disabledDn] : [])];
    for (const base of bases) {
      let entries: Entry[] = [];
      try {
        entries = (await client.search(base, { scope: 'sub', filter: `(objectClass=${objectClass})`, attributes: ['*'], paged: { pageSize: 500 } })).searchEntries;
      } catch (error) {
        if (!(error instanceof NoSuchObjectError)) throw error;
      }
      for (const entry of entries) {
        const username = first(entry[this.nameAttribute]);
        if (!username) continue;
        const disabled = this.ad ? (Number(first(entry.userAccountControl) ?? UAC_NORMAL) & 2) === 2 : base === this.settings.disabledDn;
        accounts.push({
          username,
          externalId: entry.dn,
          active: !disabled,
          email: first(entry.mail),
          displayName: first(entry.displayName) ?? first(entry.cn),
          groups: groupsByMember.get(entry.dn.replace(/\s*,\s*/g, ',').toLowerCase()) ?? [],
        });
      }
    }
    return accounts;
  }
}
