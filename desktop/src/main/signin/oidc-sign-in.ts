// Why: people sign in with the company's identity provider in their own browser (RFC 8252: native
// apps must not show the login page in an embedded web view, where the app could read the
// password). Authorization code with PKCE, a one-off loopback redirect on 127.0.0.1, a random
// state checked on return, and a nonce checked in the ID token. Issuer and client id come from
// machine policy; without them there is no single sign-on. The relay verifies the token it is
// given; this module only reads the subject and expiry to fill in the session.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { SignInResult } from '../../shared/bridge.js';

export interface OidcDeps {
  issuer: string | null;
  clientId: string | null;
  fetch(url: string, init?: RequestInit): Promise<Response>;
  openExternal(url: string): Promise<void>;
  timeoutMs?: number;
}

const discoverySchema = z.object({ authorization_endpoint: z.url({ protocol: /^https$/ }), token_endpoint: z.url({ protocol: /^https$/ }) });
const tokenSchema = z.object({ id_token: z.string().min(1), token_type: z.string().optional() });
const claimsSchema = z.object({ sub: z.string().min(1), exp: z.number().optional(), nonce: z.string().optional() });

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const fail = (reason: 'cancelled' | 'timed-out' | 'failed', message: string): SignInResult => ({ ok: false, reason, message });

/** Decodes (does not verify) the payload of a JWT; verification is the relay's job. */
export function jwtClaims(jwt: string): z.infer<typeof claimsSchema> | null {
  const part = jwt.split('.')[1];
  if (part === undefined) return null;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Callback = { code: string } | { error: string };

/** Listens once on 127.0.0.1 for the redirect carrying `state`; answers the redirect URI and the result. */
async function loopbackRedirect(state: string, timeoutMs: number): Promise<{ redirectUri: string; result: Promise<Callback | 'timed-out'> }> {
  let settle: (value: Callback | 'timed-out') => void = () => {};
  const result = new Promise<Callback | 'timed-out'>((resolve) => (settle = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback' || url.searchParams.get('state') !== state) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Hearth</title><p>Signed in. You can close this tab and return to Hearth.</p>');
    const code = url.searchParams.get('code');
    settle(code !== null ? { code } : { error: url.searchParams.get('error') ?? 'no code' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => settle('timed-out'), timeoutMs);
  void result.finally(() => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  });
  return { redirectUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, result };
}

export async function signInWithOidc(deps: OidcDeps, relayUrl: string): Promise<SignInResult> {
  if (deps.issuer === null || deps.clientId === null) {
    return { ok: false, reason: 'not-configured', message: 'Single sign-on is not configured on this computer (policy SignInIssuer and SignInClientId).' };
  }
  try {
    const discovery = discoverySchema.parse(await (await deps.fetch(`${deps.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`)).json());
    const verifier = base64url(randomBytes(32));
    const state = base64url(randomBytes(16));
    const nonce = base64url(randomBytes(16));
    const { redirectUri, result } = await loopbackRedirect(state, deps.timeoutMs ?? 5 * 60_000);
    const authorize = new URL(discovery.authorization_endpoint);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: deps.clientId,
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      state,
      nonce,
      code_challenge: base64url(createHash('sha256').update(verifier).digest()),
      code_challenge_method: 'S256',
    })) authorize.searchParams.set(k, v);
    await deps.openExternal(authorize.href);
    const callback = await result;
    if (callback === 'timed-out') return fail('timed-out', 'Sign-in was not completed in the browser in time.');
    if ('error' in callback) return fail(callback.error === 'access_denied' ? 'cancelled' : 'failed', `The identity provider answered: ${callback.error}`);
    const response = await deps.fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.code, redirect_uri: redirectUri, client_id: deps.clientId, code_verifier: verifier }).toString(),
    });
    if (!response.ok) return fail('failed', `The token endpoint answered ${response.status}.`);
    const tokens = tokenSchema.parse(await response.json());
    const claims = jwtClaims(tokens.id_token);
    if (claims === null || claims.nonce !== nonce) return fail('failed', 'The identity provider returned an ID token for a different sign-in.');
    return { ok: true, session: { personId: claims.sub, token: tokens.id_token, relayUrl, expiresAt: claims.exp === undefined ? null : claims.exp * 1000 } };
  } catch (error) {
    return fail('failed', `Sign-in failed: ${(error as Error).message}`);
  }
}
