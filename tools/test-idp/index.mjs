// A real OpenID Connect provider for tests (oidc-provider on a free port, with its development
// login and consent pages), and a scripted person who signs in through it with the authorization
// code flow and PKCE — the same HTTP exchanges a browser makes, with a cookie jar of our own.
// Shared by the relay's integration tests and the web client's end-to-end tests (where Chromium
// walks the same pages), so both meet one provider configuration.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export const TEST_REDIRECT = 'http://127.0.0.1/callback';

export async function makeSigningKey(kid) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

function clientMetadata(client) {
  const c = typeof client === 'string' ? { clientId: client } : client;
  const web = c.type === 'web';
  return {
    client_id: c.clientId,
    token_endpoint_auth_method: 'none',
    application_type: web ? 'web' : 'native',
    redirect_uris: c.redirectUris ?? [TEST_REDIRECT],
    post_logout_redirect_uris: c.postLogoutRedirectUris ?? c.redirectUris ?? [],
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token'],
  };
}

export async function startIssuer(options) {
  const server = createServer();
  await new Promise((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const clients = options.clients ?? ['hearth'];
  const firstClient = typeof clients[0] === 'string' ? clients[0] : clients[0].clientId;
  const provider = new Provider(issuer, {
    clients: clients.map(clientMetadata),
    jwks: { keys: options.keys ?? [await makeSigningKey('k1')] },
    findAccount: (_ctx, id) =>
      options.accounts[id] === undefined
        ? undefined
        : { accountId: id, claims: () => ({ sub: id, email: options.accounts[id], email_verified: true, preferred_username: id }) },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
    conformIdTokenClaims: false,
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    issueRefreshToken: () => true,
    // The web client calls the token endpoint from the relay's page: a browser needs CORS for it.
    clientBasedCORS: () => true,
    pkce: { required: () => true },
    features: { rpInitiatedLogout: { enabled: true } },
    ttl: { IdToken: options.idTokenTtl ?? 3600, AccessToken: 3600, Grant: 3600, Interaction: 600, Session: 3600, RefreshToken: 86400, AuthorizationCode: 60 },
  });
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider', err));
  server.on('request', provider.callback());

  const token = async (body) => {
    const res = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`token endpoint: ${json.error}: ${json.error_description}`);
    return json;
  };

  /** Follows the provider's pages as a person would (login, consent) until it redirects elsewhere. */
  const walk = async (start, account) => {
    const jar = new Map();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const go = async (url, init = {}) => {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: cookie() } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair.split('=');
        jar.set(k, v ?? '');
      }
      const location = res.headers.get('location');
      if (location === null) throw new Error(`no redirect from ${url}: HTTP ${res.status} ${await res.text()}`);
      return new URL(location, issuer).toString();
    };
    let at = await go(start);
    for (let step = 0; step < 8 && at.startsWith(issuer); step++) {
      if (at.includes('/interaction/')) {
        const page = await fetch(at, { headers: { cookie: cookie() } }).then((r) => r.text());
        const body = page.includes('name="login"') ? { prompt: 'login', login: account, password: 'x' } : { prompt: 'consent' };
        const action = /action="([^"]+)"/.exec(page)?.[1] ?? new URL(at).pathname;
        at = await go(new URL(action, issuer).toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
      } else at = await go(at);
    }
    return at;
  };

  return {
    issuer,
    async signIn(account, clientId = firstClient) {
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const auth = new URL(`${issuer}/auth`);
      auth.search = new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: TEST_REDIRECT, scope: 'openid email profile offline_access', code_challenge: challenge, code_challenge_method: 'S256', prompt: 'consent', state: 's' }).toString();
      const back = await walk(auth.toString(), account);
      const code = new URL(back).searchParams.get('code');
      if (code === null) throw new Error(`sign-in ended at ${back}`);
      return token({ grant_type: 'authorization_code', code, redirect_uri: TEST_REDIRECT, client_id: clientId, code_verifier: verifier });
    },
    async browse(authorizationUrl, account) {
      const back = await walk(authorizationUrl, account);
      await fetch(back).then((r) => r.text());
      return back;
    },
    refresh(refreshToken, clientId = firstClient) {
      return token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r()));
    },
  };
}
