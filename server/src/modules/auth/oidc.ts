import * as client from 'openid-client';
import type { Config } from '../../config.ts';

/**
 * The OpenID Connect relying party: authorization-code flow with PKCE, state and nonce.
 * No HTTP framework and no database here; the routes keep the pending sign-in in a cookie and
 * turn the claims into a user.
 */
export type OidcSettings = NonNullable<Config['oidc']>;

/** What the browser carries between the start of a sign-in and the provider's callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path inside this app to go to afterwards. */
  returnTo: string;
  /** When the sign-in started (ms), so that an old cookie is refused even if the browser kept it. */
  startedAt: number;
}

/** The identity the provider vouched for. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean | null;
  displayName: string;
}

/** Why a sign-in failed; the code goes to `/sign-in?error=…` and the web app explains it. */
export type OidcFailure =
  | 'oidc_not_configured'
  | 'oidc_unavailable'
  | 'oidc_state_mismatch'
  | 'oidc_denied'
  | 'oidc_failed'
  | 'oidc_tenant_missing'
  | 'oidc_account_conflict';

export class OidcError extends Error {
  constructor(
    readonly failure: OidcFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcError';
  }
}

export const pendingSignInLifetimeMs = 10 * 60 * 1000;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Plain http to the provider only for a provider on this machine, or outside production. */
export function allowsInsecureIssuer(issuer: URL, production: boolean): boolean {
  return issuer.protocol === 'http:' && (loopbackHosts.has(issuer.hostname) || !production);
}

/** A path inside the app to return to; anything else (other hosts, `//evil`) becomes `/`. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  // Parse as a browser would (it drops tabs and newlines, reads `\` as `/`) and keep it only if it stays here.
  const base = 'http://grunnmur.invalid';
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}

export function encodePending(pending: PendingSignIn): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

export function decodePending(value: string | undefined, now = Date.now()): PendingSignIn | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const complete =
      typeof parsed.state === 'string' &&
      typeof parsed.nonce === 'string' &&
      typeof parsed.codeVerifier === 'string' &&
      typeof parsed.startedAt === 'number';
    if (!complete || now - parsed.startedAt! > pendingSignInLifetimeMs) return undefined;
    return { ...(parsed as PendingSignIn), returnTo: safeReturnPath(parsed.returnTo) };
  } catch {
    return undefined;
  }
}

export function displayNameOf(claims: Record<string, unknown>): string {
  const text = (key: string) => (typeof claims[key] === 'string' && (claims[key] as string).trim()) || undefined;
  const fullName = [text('given_name'), text('family_name')].filter(Boolean).join(' ');
  return text('name') ?? (fullName || undefined) ?? text('preferred_username') ?? text('email') ?? String(claims.sub);
}

/** One provider, discovered lazily and remembered; a failed discovery is tried again next time. */
export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcSettings,
    readonly redirectUri: string,
    private readonly production: boolean,
  ) {}

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      this.configuration = client
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
          execute: allowsInsecureIssuer(issuer, this.production) ? [client.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw new OidcError('oidc_unavailable', `OpenID Connect discovery failed for ${this.settings.issuer}`, { cause: error });
        });
    }
    return this.configuration;
  }

  /** Where to send the browser, and what it must bring back. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.discover();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(returnTo),
      startedAt: Date.now(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Validates the provider's answer (state, issuer, PKCE, ID token signature, audience, nonce)
   * and returns who signed in. `query` is the callback's query string.
   */
  async finish(query: string, pending: PendingSignIn | undefined): Promise<OidcIdentity> {
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = query;
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) {
      throw new OidcError(providerError === 'access_denied' ? 'oidc_denied' : 'oidc_failed', `The provider answered ${providerError}`);
    }
    if (!pending || callbackUrl.searchParams.get('state') !== pending.state) {
      throw new OidcError('oidc_state_mismatch', 'The callback does not belong to a sign-in this browser started');
    }
    const configuration = await this.discover();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims()! };
      // Many providers put email and name only in userinfo when an access token is issued.
      const needsProfile = typeof claims.email !== 'string' || (typeof claims.name !== 'string' && typeof claims.given_name !== 'string');
      if (needsProfile && configuration.serverMetadata().userinfo_endpoint) {
        const profile = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
        claims = { ...claims, ...pick(profile, ['email', 'email_verified', 'name', 'given_name', 'family_name', 'preferred_username']) };
      }
    } catch (error) {
      throw new OidcError('oidc_failed', 'The authorization code could not be redeemed or the ID token is not valid', { cause: error });
    }
    return {
      issuer: String(claims.iss),
      subject: String(claims.sub),
      email: typeof claims.email === 'string' && claims.email.trim() ? claims.email.trim() : null,
      emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
      displayName: displayNameOf(claims),
    };
  }
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
