import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions } from '../../server/src/modules/auth/tables.ts';
import { hashToken } from '../../server/src/modules/auth/secrets.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const system = (name: string) => ({ name, lifecyclePhase: 'operation', criticality: 'low', dpaStatus: 'signed' });

describe('sessions, CSRF and API tokens', () => {
  let t: TestApp;
  let tenantId: string;

  beforeAll(async () => {
    // Callers are remembered for half a second here (5 s by default), so that revocations made
    // straight in the database show how long another process may still accept them.
    t = await createTestApp({ env: { GRUNNMUR_CALLER_CACHE_SECONDS: '0.5' } });
    tenantId = await t.createTenant('demo');
  });
  afterAll(() => t.close());

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const { cookie } = await t.sessionHeaders('demo', 'admin');
    const response = await t.inject({ method: 'POST', url: '/api/systems', headers: { cookie }, payload: system('Uten nøkkel') });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('csrf_failed');
  });

  it('refuses a cookie-authenticated write with another session’s CSRF token', async () => {
    const mine = await t.sessionHeaders('demo', 'admin');
    const theirs = await t.sessionHeaders('demo', 'admin');
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const response = await t.inject({
        method,
        url: method === 'POST' ? '/api/systems' : '/api/systems/00000000-0000-4000-8000-000000000000',
        headers: { cookie: mine.cookie, 'x-csrf-token': theirs['x-csrf-token']! },
        payload: { ...system('Feil nøkkel'), version: 1 },
      });
      expect(response.statusCode, method).toBe(403);
      expect(response.json().code, method).toBe('csrf_failed');
    }
  });

  it('accepts a cookie-authenticated write with the session’s CSRF token', async () => {
    const headers = await t.sessionHeaders('demo', 'admin');
    const response = await t.inject({ method: 'POST', url: '/api/systems', headers, payload: system('Med nøkkel') });
    expect(response.statusCode).toBe(201);
  });

  it('does not ask bearer-token callers for a CSRF token', async () => {
    const headers = await t.tokenHeaders(tenantId, 'admin');
    const response = await t.inject({ method: 'POST', url: '/api/systems', headers, payload: system('Fra integrasjon') });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a revoked API token with 401 once the caller cache has let it go', async () => {
    const headers = await t.tokenHeaders(tenantId, 'admin');
    expect((await t.inject({ method: 'GET', url: '/api/systems', headers })).statusCode).toBe(200);
    const token = headers.authorization!.replace('Bearer ', '');
    await t.database.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.tokenHash, hashToken(token)));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const response = await t.inject({ method: 'GET', url: '/api/systems', headers });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
    expect(await t.database.db.select().from(apiTokens).where(isNotNull(apiTokens.revokedAt))).toHaveLength(1);
  });

  it('refuses an unknown API token with 401', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/systems', headers: { authorization: 'Bearer gm_not-a-real-token' } });
    expect(response.statusCode).toBe(401);
  });

  it('treats an expired session as signed out once the caller cache has let it go', async () => {
    const headers = await t.sessionHeaders('demo', 'employee');
    expect((await t.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    const token = headers.cookie!.replace('grunnmur_session=', '');
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, hashToken(token)));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await t.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('clears out expired sessions when someone signs in', async () => {
    const old = await t.sessionHeaders('demo', 'employee');
    const oldHash = hashToken(old.cookie!.replace('grunnmur_session=', ''));
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, oldHash));
    await t.sessionHeaders('demo', 'employee');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, oldHash))).toEqual([]);
  });

  it('deletes the session on sign-out, so the old cookie no longer works', async () => {
    const headers = await t.sessionHeaders('demo', 'employee');
    const token = headers.cookie!.replace('grunnmur_session=', '');
    const response = await t.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((cookie) => cookie.name === 'grunnmur_session');
    expect(cleared?.value).toBe('');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token)))).toEqual([]);
    expect((await t.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('sends the browser back to the sign-in page when OpenID Connect is not configured', async () => {
    for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe('/sign-in?error=oidc_not_configured');
    }
    expect((await t.inject({ method: 'GET', url: '/api/auth/options' })).json().oidc).toBe(false);
  });

  it('gives a session cookie that scripts cannot read and other sites do not send on writes', async () => {
    const [user] = (await t.inject({ method: 'GET', url: '/api/auth/demo-users?tenant=demo' })).json();
    const response = await t.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: 'demo', userId: user.id } });
    const cookie = response.cookies.find((c) => c.name === 'grunnmur_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
  });
});

describe('session cookies behind https', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { GRUNNMUR_PUBLIC_URL: 'https://grunnmur.kommune.no' } });
    await t.createTenant('demo');
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure when the public address is https', async () => {
    await t.sessionHeaders('demo', 'employee'); // creates a demo person to sign in as
    const [user] = (await t.inject({ method: 'GET', url: '/api/auth/demo-users?tenant=demo' })).json();
    const signIn = await t.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: 'demo', userId: user.id } });
    const cookie = signIn.cookies.find((c) => c.name === 'grunnmur_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });
});

describe('rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { GRUNNMUR_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 as problem+json once a client exceeds the limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await t.inject({ method: 'GET', url: '/api/auth/options' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.headers['content-type']).toContain('application/problem+json');
    expect(last!.json()).toMatchObject({ status: 429, code: 'rate_limited', title: 'For mange forespørsler. Vent litt og prøv igjen.' });
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('keeps answering the health check however busy the client is', async () => {
    const response = await t.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
  });
});
