// Why: people sign in with the company's identity provider in their own browser (RFC 8252: native
// apps must not show the login page in an embedded web view, where the app could read the
// password). Authorization code with PKCE through openid-client, a one-off loopback redirect on
// 127.0.0.1, state and nonce checked on return. Issuer and client id come from machine policy;
// without them there is no single sign-on. The relay verifies the ID token and says which directory
// person it stands for (GET /api/session): the token names them by e-mail, not by Hearth id.
// The refresh token never leaves the main process: it is kept with safeStorage (the credential
// store) and used to renew the ID token before it expires, so the person stays signed in; offline,
// renewal simply fails as 'offline' and the app keeps working on local data until it succeeds.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { z } from 'zod';
import type { SignInResult, StoredSession } from '../../shared/bridge.js';

export interface OidcDeps {
  issuer: string | null;
  clientId: string | null;
  fetch(url: string, init?: RequestInit): Promise<Response>;
  openExternal(url: string): Promise<void>;
  timeoutMs?: number;
}

/** What main keeps (encrypted) to renew and end a company session. */
export const credentialSchema = z.object({ issuer: z.string(), clientId: z.string(), refreshToken: z.string().nullable(), idToken: z.string() });
export type Credential = z.infer<typeof credentialSchema>;

export type CompanySignIn = { ok: true; session: StoredSession; credential: Credential } | Exclude<SignInResult, { ok: true }>;
export type Renewal = { ok: true; session: StoredSession; credential: Credential } | { ok: false; reason: 'offline' | 'refused'; message: string };

const fail = (reason: 'cancelled' | 'timed-out' | 'failed', message: string): CompanySignIn => ({ ok: false, reason, message });

/** Decodes (does not verify) the payload of a JWT; verification is the relay's job. */
export function jwtClaims(jwt: string): { sub?: string; exp?: number } | null {
  const part = jwt.split('.')[1];
  if (part === undefined) return null;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { sub?: string; exp?: number };
  } catch {
    return null;
  }
}

/** openid-client over the host's fetch (Electron's net stack); plain http only for a provider on this machine. */
async function configure(deps: Pick<OidcDeps, 'fetch'>, issuer: string, clientId: string): Promise<client.Configuration> {
  const url = new URL(issuer);
  const local = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  // openid-client's fetch options are a RequestInit in all but name (its body type is wider on paper).
  const hostFetch = ((input: string, init: unknown) => deps.fetch(input, init as RequestInit)) as unknown as client.CustomFetch;
  const config = await client.discovery(url, clientId, undefined, client.None(), {
    [client.customFetch]: hostFetch,
    ...(local ? { execute: [client.allowInsecureRequests] } : {}),
  });
  config[client.customFetch] = hostFetch;
  return config;
}

type Callback = { url: URL } | 'timed-out';

/** Listens once on 127.0.0.1 for the redirect carrying `state`; answers the redirect URI and the result. */
async function loopbackRedirect(state: string, timeoutMs: number): Promise<{ redirectUri: string; result: Promise<Callback> }> {
  let settle: (value: Callback) => void = () => {};
  const result = new Promise<Callback>((resolve) => (settle = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (url.pathname !== '/callback' || url.searchParams.get('state') !== state) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Hearth</title><p>Signed in. You can close this tab and return to Hearth.</p>');
    settle({ url });
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

/** The Hearth person the relay says an ID token stands for. */
async function personOf(deps: Pick<OidcDeps, 'fetch'>, relayUrl: string, idToken: string): Promise<{ ok: true; personId: string } | { ok: false; message: string }> {
  const base = relayUrl.replace(/^ws:/i, 'http:').replace(/^wss:/i, 'https:').replace(/\/+$/, '');
  const res = await deps.fetch(`${base}/api/session`, { headers: { authorization: `Bearer ${idToken}` } });
  const body = (await res.json().catch(() => ({}))) as { personId?: unknown; error?: unknown };
  if (res.ok && typeof body.personId === 'string') return { ok: true, personId: body.personId };
  return { ok: false, message: res.status === 403 ? `You signed in, but Hearth does not let you in: ${String(body.error)}. Ask IT to add you to the company directory.` : `The relay did not accept the sign-in: ${String(body.error ?? res.status)}` };
}

function sessionOf(relayUrl: string, personId: string, idToken: string): StoredSession {
  const exp = jwtClaims(idToken)?.exp;
  return { personId, token: idToken, relayUrl, expiresAt: typeof exp === 'number' ? exp * 1000 : null };
}

export async function signInWithOidc(deps: OidcDeps, relayUrl: string): Promise<CompanySignIn> {
  if (deps.issuer === null || deps.clientId === null) {
    return { ok: false, reason: 'not-configured', message: 'Single sign-on is not configured on this computer (policy SignInIssuer and SignInClientId).' };
  }
  try {
    const config = await configure(deps, deps.issuer, deps.clientId);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const { redirectUri, result } = await loopbackRedirect(state, deps.timeoutMs ?? 5 * 60_000);
    const authorize = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    await deps.openExternal(authorize.href);
    const callback = await result;
    if (callback === 'timed-out') return fail('timed-out', 'Sign-in was not completed in the browser in time.');
    const error = callback.url.searchParams.get('error');
    if (error !== null) return fail(error === 'access_denied' ? 'cancelled' : 'failed', `The identity provider answered: ${error}`);
    const tokens = await client.authorizationCodeGrant(config, callback.url, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    const idToken = tokens.id_token!;
    const person = await personOf(deps, relayUrl, idToken);
    if (!person.ok) return fail('failed', person.message);
    return { ok: true, session: sessionOf(relayUrl, person.personId, idToken), credential: { issuer: deps.issuer, clientId: deps.clientId, refreshToken: tokens.refresh_token ?? null, idToken } };
  } catch (error) {
    return fail('failed', `Sign-in failed: ${(error as Error).message}`);
  }
}

/** A new ID token from the kept refresh token, for the same person and relay. */
export async function renewWithOidc(deps: Pick<OidcDeps, 'fetch'>, credential: Credential, session: StoredSession): Promise<Renewal> {
  if (credential.refreshToken === null) return { ok: false, reason: 'refused', message: 'No refresh token: sign in again.' };
  let config: client.Configuration;
  try {
    config = await configure(deps, credential.issuer, credential.clientId);
  } catch (error) {
    return { ok: false, reason: 'offline', message: `The identity provider cannot be reached: ${(error as Error).message}` };
  }
  try {
    const tokens = await client.refreshTokenGrant(config, credential.refreshToken);
    const idToken = tokens.id_token;
    if (idToken === undefined) return { ok: false, reason: 'refused', message: 'The identity provider returned no ID token.' };
    return { ok: true, session: { ...sessionOf(session.relayUrl, session.personId, idToken) }, credential: { ...credential, idToken, refreshToken: tokens.refresh_token ?? credential.refreshToken } };
  } catch (error) {
    // Only an answer from the provider (an OAuth error) ends the session; a network failure does not.
    const refused = error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError;
    return { ok: false, reason: refused ? 'refused' : 'offline', message: (error as Error).message };
  }
}

/** The provider's logout address for this session (RP-initiated logout), when it offers one. */
export async function endSessionUrl(deps: Pick<OidcDeps, 'fetch'>, credential: Credential): Promise<string | null> {
  try {
    const config = await configure(deps, credential.issuer, credential.clientId);
    if (config.serverMetadata().end_session_endpoint === undefined) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: credential.idToken, client_id: credential.clientId }).href;
  } catch {
    return null;
  }
}
