import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { hashToken } from '../../server/src/modules/auth/secrets.ts';
import { sessions, users } from '../../server/src/modules/auth/tables.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The whole authorization-code flow over real HTTP: a real OpenID provider (oidc-provider) and the
 * app both listen on loopback ports; a small cookie-keeping client plays the browser, filling in
 * the provider's own login and consent forms.
 */

const accounts: Record<string, Record<string, unknown>> = {
  alice: { email: 'alice@nabo.kommune.no', email_verified: true, name: 'Alice Ny' },
  bob: { email: 'Bob.Berg@nabo.kommune.no', email_verified: true, name: 'Bob Berg' },
  carol: { email: 'carol@nabo.kommune.no', email_verified: true, name: 'Carol Ny' },
  dave: { email: 'dave@nabo.kommune.no', email_verified: false, name: 'Dave Uverifisert' },
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface SetCookie {
  name: string;
  value: string;
  attributes: string[];
}

function parseSetCookie(header: string): SetCookie {
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  const index = pair!.indexOf('=');
  return { name: pair!.slice(0, index), value: pair!.slice(index + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

/** A browser, as far as cookies and redirects go. Cookies are kept per origin. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  readonly received: SetCookie[] = [];

  async request(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const cookies = this.jar.get(url.origin) ?? new Map<string, string>();
    const headers: Record<string, string> = {};
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      this.received.push(cookie);
      const expired = cookie.value === '' || cookie.attributes.some((a) => a === 'max-age=0' || (a.startsWith('expires=') && new Date(a.slice(8)) < new Date()));
      if (expired) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    this.jar.set(url.origin, cookies);
    return response;
  }

  /** Follows redirects until a page answers or `stopBefore` says the next address is for the caller. */
  async navigate(url: URL, stopBefore: (next: URL) => boolean = () => false, init: { method?: string; form?: Record<string, string> } = {}) {
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, current);
      if (stopBefore(next)) return { response, url: next };
      current = next;
      response = await this.request(current);
    }
    return { response, url: current };
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }
}

describe('OpenID Connect sign-in against a locally started provider', () => {
  let t: TestApp;
  let provider: Server;
  let appOrigin: string;
  let issuer: string;
  let naboId: string;
  let bobPersonId: string;

  const isCallback = (next: URL) => next.origin === appOrigin && next.pathname === '/api/auth/oidc/callback';

  /** Starts a sign-in and completes the provider's login and consent forms; stops at our callback. */
  async function authorizeAt(browser: Browser, account: string): Promise<URL> {
    let step = await browser.navigate(new URL('/api/auth/oidc/start', appOrigin), isCallback);
    for (let forms = 0; !isCallback(step.url); forms += 1) {
      expect(step.response.status, `provider page ${step.url.href}`).toBe(200);
      expect(forms).toBeLessThan(4);
      const html = await step.response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)![1]!;
      const form: Record<string, string> = prompt === 'login' ? { prompt, login: account, password: 'secret' } : { prompt };
      step = await browser.navigate(new URL(action, step.url), isCallback, { method: 'POST', form });
    }
    return step.url;
  }

  async function signIn(account: string) {
    const browser = new Browser();
    const callback = await authorizeAt(browser, account);
    const done = await browser.navigate(callback, (next) => next.origin === appOrigin);
    return { browser, done };
  }

  async function me(browser: Browser) {
    const response = await browser.request(new URL('/api/auth/me', appOrigin));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON body the assertions pick apart
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  beforeAll(async () => {
    provider = createServer();
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const appPort = await freePort();
    appOrigin = `http://127.0.0.1:${appPort}`;

    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: 'grunnmur',
          client_secret: 'grunnmur-test-secret',
          redirect_uris: [`${appOrigin}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['oidc-test-cookie-key'] },
      findAccount: (_ctx, id) =>
        accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined,
    });
    provider.on('request', oidc.callback());

    t = await createTestApp({
      env: {
        GRUNNMUR_PUBLIC_URL: appOrigin,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'grunnmur',
        OIDC_CLIENT_SECRET: 'grunnmur-test-secret',
        OIDC_TENANT: 'nabo',
        // Refused sign-ins are logged as warnings; the tests cause them on purpose.
        LOG_LEVEL: 'error',
      },
    });
    await t.createTenant('demo', 'Demo kommune');
    naboId = await t.createTenant('nabo', 'Nabo kommune');
    const [bob] = await t.database.db
      .insert(persons)
      .values({ tenantId: naboId, employeeNumber: '1001', givenName: 'Bob', familyName: 'Berg', email: 'bob.berg@nabo.kommune.no' })
      .returning();
    bobPersonId = bob!.id;
    await t.database.db
      .insert(persons)
      .values({ tenantId: naboId, employeeNumber: '1002', givenName: 'Dave', familyName: 'Dahl', email: 'dave@nabo.kommune.no' });
    // Carol's address already belongs to a user who signs in with another identity.
    await t.database.db
      .insert(users)
      .values({ tenantId: naboId, displayName: 'Carol Gammel', email: 'carol@nabo.kommune.no', oidcIssuer: issuer, oidcSubject: 'carol-old', roles: ['employee'] });
    await t.app.listen({ port: appPort, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => provider?.close(resolve));
  });

  it('offers OpenID Connect on the sign-in page when it is configured', async () => {
    const options = (await t.inject({ method: 'GET', url: '/api/auth/options' })).json();
    expect(options.oidc).toBe(true);
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const browser = new Browser();
    const response = await browser.request(new URL('/api/auth/oidc/start', appOrigin));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toBeTruthy();
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(`${appOrigin}/api/auth/oidc/callback`);
    const pending = browser.received.find((cookie) => cookie.name === 'grunnmur_oidc')!;
    expect(pending.attributes).toContain('httponly');
    expect(pending.attributes).toContain('samesite=lax');
  });

  it('signs a new person in to the configured tenant as an employee, with an http-only SameSite=Lax session cookie', async () => {
    const { browser, done } = await signIn('alice');
    expect(done.response.status).toBe(303);
    expect(done.url.href).toBe(`${appOrigin}/`);
    const session = browser.received.find((cookie) => cookie.name === 'grunnmur_session')!;
    expect(session.value).not.toBe('');
    expect(session.attributes).toContain('httponly');
    expect(session.attributes).toContain('samesite=lax');
    expect(session.attributes).toContain('path=/');
    expect(browser.cookie(appOrigin, 'grunnmur_oidc')).toBeUndefined();

    const { status, body } = await me(browser);
    expect(status).toBe(200);
    expect(body.tenant.slug).toBe('nabo');
    expect(body.user).toMatchObject({ displayName: 'Alice Ny', personId: null, roles: ['employee'] });
    const [stored] = await t.database.db.select().from(users).where(eq(users.id, body.user.id));
    expect(stored).toMatchObject({ tenantId: naboId, oidcIssuer: issuer, oidcSubject: 'alice', email: 'alice@nabo.kommune.no' });
  });

  it('records the OpenID Connect sign-in in the audit log', async () => {
    const { browser } = await signIn('alice');
    const { body } = await me(browser);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sign_in'), eq(auditEvents.entityId, body.user.id)));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.every((event) => event.tenantId === naboId)).toBe(true);
    expect(events[0]!.after).toEqual({ method: 'oidc' });
  });

  it('finds the same user again on the next sign-in instead of creating another', async () => {
    await signIn('alice');
    const rows = await t.database.db.select().from(users).where(eq(users.oidcSubject, 'alice'));
    expect(rows).toHaveLength(1);
  });

  it('links a user to the person with the same email address, ignoring case', async () => {
    const { browser } = await signIn('bob');
    const { body } = await me(browser);
    expect(body.user.personId).toBe(bobPersonId);
    expect(body.tenant.slug).toBe('nabo');
  });

  it('does not link by an email address the provider says is unverified', async () => {
    const { browser } = await signIn('dave');
    const { body } = await me(browser);
    expect(body.user).toMatchObject({ displayName: 'Dave Uverifisert', personId: null, roles: ['employee'] });
  });

  it('refuses to take over a user whose email is already linked to another identity', async () => {
    const { browser, done } = await signIn('carol');
    expect(done.response.headers.get('location')).toBe('/sign-in?error=oidc_account_conflict');
    expect(browser.cookie(appOrigin, 'grunnmur_session')).toBeUndefined();
    const carols = await t.database.db.select().from(users).where(eq(users.email, 'carol@nabo.kommune.no'));
    expect(carols.map((user) => user.oidcSubject)).toEqual(['carol-old']);
  });

  it('refuses a callback whose state was tampered with, and starts no session', async () => {
    const browser = new Browser();
    const callback = await authorizeAt(browser, 'alice');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const response = await browser.request(callback);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?error=oidc_state_mismatch');
    expect(browser.cookie(appOrigin, 'grunnmur_session')).toBeUndefined();
    expect((await me(browser)).status).toBe(401);
  });

  it('refuses a callback from a browser that did not start the sign-in (login CSRF)', async () => {
    const attacker = new Browser();
    const callback = await authorizeAt(attacker, 'alice');
    const victim = new Browser();
    const response = await victim.request(callback);
    expect(response.headers.get('location')).toBe('/sign-in?error=oidc_state_mismatch');
    expect(victim.cookie(appOrigin, 'grunnmur_session')).toBeUndefined();
  });

  it('cannot redeem the same authorization response twice', async () => {
    const browser = new Browser();
    const callback = await authorizeAt(browser, 'alice');
    const pending = browser.cookie(appOrigin, 'grunnmur_oidc')!;
    const first = await browser.request(callback);
    expect(first.headers.get('location')).toBe('/');
    const replay = new Browser();
    replay.jar.set(appOrigin, new Map([['grunnmur_oidc', pending]]));
    const second = await replay.request(callback);
    expect(second.headers.get('location')).toBe('/sign-in?error=oidc_failed');
    expect(replay.cookie(appOrigin, 'grunnmur_session')).toBeUndefined();
  });

  it('sends the user back with oidc_denied when they cancel at the provider', async () => {
    const browser = new Browser();
    const page = await browser.navigate(new URL('/api/auth/oidc/start', appOrigin), isCallback);
    const html = await page.response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const abort = await browser.navigate(new URL(`${new URL(action, page.url).pathname}/abort`, page.url), isCallback);
    const response = await browser.request(abort.url);
    expect(response.headers.get('location')).toBe('/sign-in?error=oidc_denied');
  });

  it('returns to the page the user came from', async () => {
    const browser = new Browser();
    const start = await browser.request(new URL('/api/auth/oidc/start?returnTo=%2Fsystems%3Fsearch%3Dx', appOrigin));
    expect(start.status).toBe(303);
    // Complete the flow from the start response's redirect.
    let step = await browser.navigate(new URL(start.headers.get('location')!), isCallback);
    while (!isCallback(step.url)) {
      const html = await step.response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)![1]!;
      step = await browser.navigate(new URL(action, step.url), isCallback, {
        method: 'POST',
        form: prompt === 'login' ? { prompt, login: 'alice', password: 'x' } : { prompt },
      });
    }
    const done = await browser.request(step.url);
    expect(done.headers.get('location')).toBe('/systems?search=x');

  });

  it('ends the session a browser already had when someone signs in again in it', async () => {
    const browser = new Browser();
    await browser.navigate(await authorizeAt(browser, 'alice'), (next) => next.origin === appOrigin);
    const first = browser.cookie(appOrigin, 'grunnmur_session')!;
    browser.jar.delete(issuer); // signed out at the provider, so that someone else can sign in there
    await browser.navigate(await authorizeAt(browser, 'bob'), (next) => next.origin === appOrigin);
    const second = browser.cookie(appOrigin, 'grunnmur_session')!;
    expect(second).not.toBe(first);
    expect((await me(browser)).body.user.displayName).toBe('Bob Berg');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(first)))).toEqual([]);
  });

  it('signs the user out: the session is deleted, not just the cookie', async () => {
    const { browser } = await signIn('alice');
    const token = browser.cookie(appOrigin, 'grunnmur_session')!;
    const { body } = await me(browser);
    const response = await fetch(new URL('/api/auth/sign-out', appOrigin), {
      method: 'POST',
      headers: { cookie: `grunnmur_session=${token}`, 'x-csrf-token': body.csrfToken },
    });
    expect(response.status).toBe(204);
    const stillThere = await fetch(new URL('/api/auth/me', appOrigin), { headers: { cookie: `grunnmur_session=${token}` } });
    expect(stillThere.status).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token)))).toEqual([]);
  });
});

describe('OpenID Connect sign-in when the provider cannot be reached', () => {
  let t: TestApp;

  beforeAll(async () => {
    const closedPort = await freePort();
    t = await createTestApp({ env: { OIDC_ISSUER: `http://127.0.0.1:${closedPort}`, OIDC_CLIENT_ID: 'grunnmur', LOG_LEVEL: 'fatal' } });
  });
  afterAll(() => t?.close());

  it('sends the user back to the sign-in page with oidc_unavailable', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?error=oidc_unavailable');
  });
});
