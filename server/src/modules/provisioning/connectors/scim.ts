/**
 * SCIM 2.0 client (RFC 7644) over fetch: Users found by `userName eq`, disabled with active=false,
 * groups found by `displayName eq` and changed with PATCH add/remove on members.
 */
import { z } from 'zod';
import { ConnectorError, type AccountData, type Connector, type ObservedAccount, type Outcome } from './types.ts';

export const scimSettingsSchema = z.object({
  baseUrl: z.string().regex(/^https?:\/\//, 'Adressen må begynne med http:// eller https://'),
  /** Some services (Entra-style peers) expect the employee number as externalId. */
  externalIdFrom: z.enum(['employee_number', 'none']).default('employee_number'),
  /** Resources asked for per page when listing. */
  pageSize: z.number().int().min(1).max(1000).default(200),
});
export type ScimSettings = z.infer<typeof scimSettingsSchema>;
export const scimSecretsSchema = z.object({ bearerToken: z.string() });

const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const listSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

interface ScimUser {
  id: string;
  userName: string;
  active?: boolean;
  emails?: { value: string; primary?: boolean }[];
  displayName?: string;
  groups?: { value: string; display?: string }[];
}
interface ScimGroup {
  id: string;
  displayName: string;
  members?: { value: string }[];
}

/** Quotes a value for a SCIM filter (RFC 7644 §3.4.2.2: a JSON string). */
const quote = (value: string) => JSON.stringify(value);

export class ScimConnector implements Connector {
  private readonly base: string;
  private readonly externalIdFrom: ScimSettings['externalIdFrom'];
  private readonly pageSize: number;
  constructor(
    settings: Pick<ScimSettings, 'baseUrl'> & Partial<ScimSettings>,
    private readonly secrets: { bearerToken: string },
  ) {
    this.base = settings.baseUrl.replace(/\/$/, '');
    this.externalIdFrom = settings.externalIdFrom ?? 'employee_number';
    this.pageSize = settings.pageSize ?? 200;
  }

  async close(): Promise<void> {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T | null> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          accept: 'application/scim+json, application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
          ...(this.secrets.bearerToken ? { authorization: `Bearer ${this.secrets.bearerToken}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new ConnectorError(`SCIM-tjenesten ${this.base} svarer ikke: ${(error as Error).message}`);
    }
    if (response.status === 204) return null;
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const detail = (json as { detail?: string } | null)?.detail ?? text.slice(0, 200);
      // 4xx other than 408/429 will not change by trying again.
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw new ConnectorError(`SCIM ${method} ${path} svarte ${response.status}: ${detail}`, permanent);
    }
    return json as T;
  }

  private async findUser(userName: string): Promise<ScimUser | null> {
    const list = await this.request<{ Resources?: ScimUser[] }>('GET', `/Users?filter=${encodeURIComponent(`userName eq ${quote(userName)}`)}`);
    return list?.Resources?.find((u) => u.userName.toLowerCase() === userName.toLowerCase()) ?? null;
  }

  private async findGroup(displayName: string): Promise<ScimGroup> {
    const list = await this.request<{ Resources?: ScimGroup[] }>('GET', `/Groups?filter=${encodeURIComponent(`displayName eq ${quote(displayName)}`)}`);
    const group = list?.Resources?.find((g) => g.displayName === displayName);
    if (!group) throw new ConnectorError(`Gruppen «${displayName}» finnes ikke i målsystemet`, true);
    return group;
  }

  private resource(account: AccountData, active: boolean) {
    return {
      schemas: [userSchema],
      userName: account.username,
      ...(this.externalIdFrom === 'employee_number' ? { externalId: account.employeeNumber } : {}),
      name: { givenName: account.givenName, familyName: account.familyName, formatted: `${account.givenName} ${account.familyName}` },
      displayName: `${account.givenName} ${account.familyName}`,
      ...(account.email ? { emails: [{ value: account.email, type: 'work', primary: true }] } : {}),
      active,
    };
  }

  async createAccount(account: AccountData): Promise<Outcome> {
    const existing = await this.findUser(account.username);
    if (existing && existing.active !== false) return { externalId: existing.id, note: 'Kontoen fantes allerede' };
    if (existing) {
      await this.request('PATCH', `/Users/${existing.id}`, { schemas: [patchSchema], Operations: [{ op: 'replace', path: 'active', value: true }] });
      return { externalId: existing.id, note: 'Kontoen var deaktivert og er aktivert igjen' };
    }
    const created = await this.request<ScimUser>('POST', '/Users', this.resource(account, true));
    return { externalId: created!.id, note: 'Kontoen er opprettet' };
  }

  async updateAccount(account: AccountData): Promise<Outcome> {
    const existing = await this.findUser(account.username);
    if (!existing) throw new ConnectorError(`Kontoen ${account.username} finnes ikke i målsystemet`);
    await this.request('PUT', `/Users/${existing.id}`, { ...this.resource(account, existing.active !== false), id: existing.id });
    return { externalId: existing.id, note: 'Navn og e-post er oppdatert' };
  }

  async renameAccount(previousUsername: string, account: AccountData): Promise<Outcome> {
    const already = await this.findUser(account.username);
    if (already) return { ...(await this.updateAccount(account)), note: 'Kontoen hadde allerede det nye navnet' };
    const existing = await this.findUser(previousUsername);
    if (!existing) throw new ConnectorError(`Kontoen ${previousUsername} finnes ikke i målsystemet`);
    await this.request('PUT', `/Users/${existing.id}`, { ...this.resource(account, existing.active !== false), id: existing.id });
    return { externalId: existing.id, note: `Omdøpt fra ${previousUsername}` };
  }

  async disableAccount(account: AccountData): Promise<Outcome> {
    const existing = await this.findUser(account.username);
    if (!existing) return { note: 'Ingen konto å deaktivere' };
    if (existing.active === false) return { externalId: existing.id, note: 'Kontoen var allerede deaktivert' };
    await this.request('PATCH', `/Users/${existing.id}`, { schemas: [patchSchema], Operations: [{ op: 'replace', path: 'active', value: false }] });
    return { externalId: existing.id, note: 'Kontoen er deaktivert' };
  }

  async addToGroup(account: AccountData, groupName: string): Promise<Outcome> {
    const user = await this.findUser(account.username);
    if (!user) throw new ConnectorError(`Kontoen ${account.username} finnes ikke i målsystemet`);
    const group = await this.findGroup(groupName);
    if ((group.members ?? []).some((m) => m.value === user.id)) return { externalId: user.id, note: 'Allerede medlem' };
    await this.request('PATCH', `/Groups/${group.id}`, { schemas: [patchSchema], Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }] });
    return { externalId: user.id, note: `Lagt til i ${groupName}` };
  }

  async removeFromGroup(account: AccountData, groupName: string): Promise<Outcome> {
    const user = await this.findUser(account.username);
    if (!user) return { note: 'Ingen konto, ingen medlemskap å fjerne' };
    const group = await this.findGroup(groupName);
    if (!(group.members ?? []).some((m) => m.value === user.id)) return { externalId: user.id, note: 'Var ikke medlem' };
    await this.request('PATCH', `/Groups/${group.id}`, {
      schemas: [patchSchema],
      Operations: [{ op: 'remove', path: `members[value eq ${quote(user.id)}]` }],
    });
    return { externalId: user.id, note: `Fjernet fra ${groupName}` };
  }

  /**
   * Every resource of a kind, page by page (startIndex/count). Some services ignore paging and send
   * everything at once, so resources are gathered by id and the walk stops when nothing new comes.
   */
  private async listAll<T extends { id: string }>(path: '/Users' | '/Groups'): Promise<T[]> {
    const found = new Map<string, T>();
    for (let start = 1; ; ) {
      const page = await this.request<{ Resources?: T[]; totalResults?: number; schemas?: string[] }>('GET', `${path}?startIndex=${start}&count=${this.pageSize}`);
      if (page?.schemas && !page.schemas.includes(listSchema)) throw new ConnectorError('SCIM-svaret er ikke en ListResponse');
      const resources = page?.Resources ?? [];
      const before = found.size;
      for (const resource of resources) found.set(resource.id, resource);
      start += resources.length;
      if (found.size === before || found.size >= (page?.totalResults ?? 0)) break;
    }
    return [...found.values()];
  }

  /** Every user, with the groups that list them as members. */
  async listAccounts(): Promise<ObservedAccount[]> {
    const users = await this.listAll<ScimUser>('/Users');
    const groupsByUser = new Map<string, string[]>();
    for (const group of await this.listAll<ScimGroup>('/Groups')) {
      for (const m of group.members ?? []) groupsByUser.set(m.value, [...(groupsByUser.get(m.value) ?? []), group.displayName]);
    }
    return users.map((u) => ({
      username: u.userName,
      externalId: u.id,
      active: u.active !== false,
      email: u.emails?.find((e) => e.primary)?.value ?? u.emails?.[0]?.value ?? null,
      displayName: u.displayName ?? null,
      groups: groupsByUser.get(u.id) ?? [],
    }));
  }
}
