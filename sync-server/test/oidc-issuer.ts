// A real OpenID Connect provider for tests (oidc-provider on a free port, its development login
// pages), and a scripted person who signs in through it with the authorization code flow and PKCE —
// the same HTTP exchanges a browser makes, with a cookie jar of our own.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export interface TestIssuer {
  issuer: string;
  provider: Provider;
  /** Signs in as `account` and returns the token response (id_token, access_token, refresh_token). */
  signIn(account: string, clientId?: string): Promise<TokenSet>;
  refresh(refreshToken: string, clientId?: string): Promise<TokenSet>;
  stop(): Promise<void>;
}

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

export interface IssuerOptions {
  /** account id → e-mail */
  accounts: Record<string, string>;
  /** Signing keys, newest first (the first signs). Default: one fresh RS256 key. */
  keys?: JWK[];
  port?: number;
  clients?: string[];
  redirectUri?: string;
  idTokenTtl?: number;
}

export async function makeSigningKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

export const TEST_REDIRECT = 'http://127.0.0.1/callback';

export async function startIssuer(options: IssuerOptions): Promise<TestIssuer> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = options.redirectUri ?? TEST_REDIRECT;
  const provider = new Provider(issuer, {
    clients: (options.clients ?? ['hearth']).map((client_id) => ({
      client_id,
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
    })),
    jwks: { keys: options.keys ?? [await makeSigningKey('k1')] },
    findAccount: (_ctx, id) =>
      options.accounts[id] === undefined
        ? undefined
        : { accountId: id, claims: () => ({ sub: id, email: options.accounts[id], email_verified: true, preferred_username: id }) },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
    conformIdTokenClaims: false,
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    issueRefreshToken: () => true,
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtl ?? 3600, AccessToken: 3600, Grant: 3600, Interaction: 600, Session: 3600, RefreshToken: 86400, AuthorizationCode: 60 },
  });
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider', err));
  server.on('request', provider.callback());

  const token = async (body: Record<string, string>): Promise<TokenSet> => {
    const res = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const json = (await res.json()) as TokenSet & { error?: string; error_description?: string };
    if (!res.ok) throw new Error(`token endpoint: ${json.error}: ${json.error_description}`);
    return json;
  };

  return {
    issuer,
    provider,
    async signIn(account, clientId = (options.clients ?? ['hearth'])[0]!) {
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const jar = new Map<string, string>();
      const go = async (url: string, init: RequestInit = {}): Promise<string> => {
        const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const [k, v] = pair!.split('=');
          jar.set(k!, v ?? '');
        }
        const location = res.headers.get('location');
        if (location === null) throw new Error(`no redirect from ${url}: HTTP ${res.status} ${await res.text()}`);
        return new URL(location, issuer).toString();
      };
      const auth = new URL(`${issuer}/auth`);
      auth.search = new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid email profile offline_access', code_challenge: challenge, code_challenge_method: 'S256', prompt: 'consent', state: 's' }).toString();
      let at = await go(auth.toString());
      for (let step = 0; step < 6 && !at.startsWith(redirectUri); step++) {
        if (at.includes('/interaction/')) {
          const page = await fetch(at, { headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } }).then((r) => r.text());
          const body: Record<string, string> = page.includes('name="login"') ? { prompt: 'login', login: account, password: 'x' } : { prompt: 'consent' };
          const action = /action="([^"]+)"/.exec(page)?.[1] ?? new URL(at).pathname;
          at = await go(new URL(action, issuer).toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
        } else at = await go(at);
      }
      const code = new URL(at).searchParams.get('code');
      if (code === null) throw new Error(`sign-in ended at ${at}`);
      return token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier });
    },
    refresh(refreshToken, clientId = (options.clients ?? ['hearth'])[0]!) {
      return token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
