import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowsInsecureIssuer, decodePending, displayNameOf, encodePending, pendingSignInLifetimeMs, safeReturnPath, type PendingSignIn } from './oidc.ts';

const pending: PendingSignIn = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/systems', startedAt: 1_000_000 };

describe('the pending sign-in cookie', () => {
  it('reads back what was written', () => {
    expect(decodePending(encodePending(pending), pending.startedAt + 1000)).toEqual(pending);
  });

  it('is refused once it is older than its lifetime', () => {
    expect(decodePending(encodePending(pending), pending.startedAt + pendingSignInLifetimeMs + 1)).toBeUndefined();
  });

  it('is refused when missing, garbled or incomplete', () => {
    expect(decodePending(undefined)).toBeUndefined();
    expect(decodePending('not base64 json')).toBeUndefined();
    expect(decodePending(Buffer.from(JSON.stringify({ state: 's' })).toString('base64url'))).toBeUndefined();
  });

  it('never carries a return address outside the app, even when edited by hand', () => {
    const edited = Buffer.from(JSON.stringify({ ...pending, returnTo: 'https://evil.example' })).toString('base64url');
    expect(decodePending(edited, pending.startedAt)!.returnTo).toBe('/');
  });
});

describe('the return path after sign-in', () => {
  it('keeps paths inside the app', () => {
    expect(safeReturnPath('/org/units/1?tab=people')).toBe('/org/units/1?tab=people');
  });

  it('turns other sites and protocol-relative addresses into the front page', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '', undefined, 42]) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });

  it('always yields a same-origin path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((rest) => `/${rest}`)), (value) => {
        const url = new URL(safeReturnPath(value), 'https://grunnmur.kommune.no');
        expect(url.origin).toBe('https://grunnmur.kommune.no');
      }),
    );
  });
});

describe('the display name from ID token claims', () => {
  it('prefers name, then given and family name, then username, email and subject', () => {
    expect(displayNameOf({ sub: 'x', name: 'Kari Nordmann', given_name: 'K' })).toBe('Kari Nordmann');
    expect(displayNameOf({ sub: 'x', given_name: 'Kari', family_name: 'Nordmann' })).toBe('Kari Nordmann');
    expect(displayNameOf({ sub: 'x', preferred_username: 'kari' })).toBe('kari');
    expect(displayNameOf({ sub: 'x', email: 'kari@kommune.no' })).toBe('kari@kommune.no');
    expect(displayNameOf({ sub: 'x', name: '  ' })).toBe('x');
  });
});

describe('plain http to the provider', () => {
  it('is allowed for a provider on this machine, and for any provider outside production', () => {
    expect(allowsInsecureIssuer(new URL('http://127.0.0.1:8080'), true)).toBe(true);
    expect(allowsInsecureIssuer(new URL('http://localhost:8080/realms/x'), true)).toBe(true);
    expect(allowsInsecureIssuer(new URL('http://keycloak:8080'), false)).toBe(true);
  });

  it('is refused for a remote provider in production', () => {
    expect(allowsInsecureIssuer(new URL('http://login.kommune.no'), true)).toBe(false);
    expect(allowsInsecureIssuer(new URL('https://login.kommune.no'), true)).toBe(false);
  });
});
