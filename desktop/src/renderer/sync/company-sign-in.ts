// Signing in to the web client with the company identity provider: the authorization code flow with
// PKCE, run by the page itself (a public client: there is no secret to keep), through oauth4webapi.
// Why these steps:
// - The relay says which provider and client to use (GET /api/config), so IT configures one place.
// - Before leaving for the provider, the verifier, state and nonce go to sessionStorage (this tab
//   only); on return they must match, so a code injected into someone else's tab is refused.
// - The ID token is what the relay verifies on every connection; the relay also says which person
//   it stands for (GET /api/session), because the token names them by e-mail, not by Hearth id.
// - The refresh token renews the ID token silently before it expires; offline, renewal waits and
//   the app keeps working on local data; a refused renewal ends the session (sign in again).
// - Sign-out ends the session at the provider too (RP-initiated logout) when it offers it.
import * as oauth from 'oauth4webapi';
import type { StoredSession } from '../../shared/bridge.js';
import { httpBase, normaliseRelayUrl } from './relay-url.js';
import { tokenExpiry } from './tokens.js';

export interface CompanyConfig {
  issuer: string;
  clientId: string;
  scopes: string;
}

/** What the app keeps to renew and end a company session (localStorage: this device). */
export interface CompanyAuth {
  issuer: string;
  clientId: string;
  refreshToken: string | null;
  idToken: string;
}

const PENDING = 'hearth.oidc.pending';
const AUTH = 'hearth.company';

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  relayUrl: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
}

export class CompanySignInError extends Error {
  override name = 'CompanySignInError';
}

/** The relay's sign-in settings; null when the relay has no company sign-in (or cannot be reached). */
export async function fetchCompanyConfig(relayUrl: string, signal?: AbortSignal): Promise<CompanyConfig | null> {
  try {
    const res = await fetch(`${httpBase(relayUrl)}/api/config`, signal ? { signal } : {});
    if (!res.ok) return null;
    const body = (await res.json()) as { oidc?: Partial<CompanyConfig> | null };
    const o = body.oidc;
    return o && typeof o.issuer === 'string' && typeof o.clientId === 'string' ? { issuer: o.issuer, clientId: o.clientId, scopes: o.scopes ?? 'openid email profile' } : null;
  } catch {
    return null;
  }
}

// A provider on this very machine (a developer's or a test's) is the one place plain http is allowed.
const insecureOk = (issuer: URL) => issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
const options = (issuer: URL) => (insecureOk(issuer) ? { [oauth.allowInsecureRequests]: true } : {});

async function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: 'oidc', ...options(url) }));
}

/** The page the provider sends the person back to: this app's own address, without query or hash. */
function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** Leaves for the provider's sign-in page. Resolves only if the page could not be left. */
export async function startCompanySignIn(relayUrl: string, config: CompanyConfig): Promise<void> {
  const as = await discover(config.issuer);
  if (as.authorization_endpoint === undefined) throw new CompanySignInError('The identity provider has no authorization endpoint.');
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    relayUrl: normaliseRelayUrl(relayUrl),
    issuer: config.issuer,
    clientId: config.clientId,
    redirectUri: redirectUri(),
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    redirect_uri: pending.redirectUri,
    scope: config.scopes,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  }).toString();
  location.assign(url.toString());
}

/** Whether this page load is the provider sending the person back. */
export function isCompanyCallback(): boolean {
  const q = new URLSearchParams(location.search);
  return (q.has('code') || q.has('error')) && q.has('state') && sessionStorage.getItem(PENDING) !== null;
}

/**
 * Finishes a sign-in on the page the provider sent the person back to: checks the answer, exchanges
 * the code, asks the relay who the token stands for, and clears the address bar. Throws with a
 * message for people when anything is wrong (a refused sign-in, a person the directory lacks).
 */
export async function completeCompanySignIn(): Promise<StoredSession> {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const current = new URL(location.href);
  history.replaceState(null, '', `${current.pathname}${current.hash}`);
  if (raw === null) throw new CompanySignInError('This sign-in was not started here. Please sign in again.');
  const pending = JSON.parse(raw) as Pending;
  const as = await discover(pending.issuer);
  const client: oauth.Client = { client_id: pending.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, current, pending.state);
  } catch (err) {
    throw new CompanySignInError(`The identity provider refused the sign-in: ${(err as Error).message}`);
  }
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, pending.redirectUri, pending.verifier, options(new URL(pending.issuer)));
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const idToken = tokens.id_token!;
  const personId = await whoIs(pending.relayUrl, idToken);
  saveAuth({ issuer: pending.issuer, clientId: pending.clientId, refreshToken: tokens.refresh_token ?? null, idToken });
  return { personId, token: idToken, relayUrl: pending.relayUrl, expiresAt: tokenExpiry(idToken) };
}

/** The Hearth person a token stands for, as the relay sees it. */
async function whoIs(relayUrl: string, token: string): Promise<string> {
  const res = await fetch(`${httpBase(relayUrl)}/api/session`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json().catch(() => ({}))) as { personId?: unknown; error?: unknown };
  if (res.ok && typeof body.personId === 'string') return body.personId;
  throw new CompanySignInError(
    res.status === 403 ? `You signed in, but Hearth does not let you in: ${String(body.error ?? 'not allowed')}. Ask IT to add you to the company directory.` : `The relay did not accept the sign-in: ${String(body.error ?? res.status)}`,
  );
}

export function companyAuth(): CompanyAuth | null {
  try {
    const raw = localStorage.getItem(AUTH);
    return raw === null ? null : (JSON.parse(raw) as CompanyAuth);
  } catch {
    return null;
  }
}

function saveAuth(auth: CompanyAuth): void {
  localStorage.setItem(AUTH, JSON.stringify(auth));
}

export function forgetCompanyAuth(): void {
  localStorage.removeItem(AUTH);
}

export type Renewal = { ok: true; token: string; expiresAt: number | null } | { ok: false; reason: 'offline' | 'refused' };

/** A new ID token from the refresh token, without the person doing anything. */
export async function renewCompanyToken(): Promise<Renewal> {
  const auth = companyAuth();
  if (auth === null || auth.refreshToken === null) return { ok: false, reason: 'refused' };
  let tokens: oauth.TokenEndpointResponse;
  try {
    const as = await discover(auth.issuer);
    const client: oauth.Client = { client_id: auth.clientId };
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), auth.refreshToken, options(new URL(auth.issuer)));
    tokens = await oauth.processRefreshTokenResponse(as, client, response);
  } catch (err) {
    // A network failure is no verdict: the session stays and renewal is tried again later.
    if (err instanceof TypeError) return { ok: false, reason: 'offline' };
    return { ok: false, reason: 'refused' };
  }
  const idToken = tokens.id_token ?? null;
  if (idToken === null) return { ok: false, reason: 'refused' };
  saveAuth({ ...auth, idToken, refreshToken: tokens.refresh_token ?? auth.refreshToken });
  return { ok: true, token: idToken, expiresAt: tokenExpiry(idToken) };
}

/**
 * Ends the session at the provider when it offers RP-initiated logout (leaving the page for its
 * logout endpoint, which sends the person back here); answers false when there is nothing to end.
 */
export async function endCompanySession(): Promise<boolean> {
  const auth = companyAuth();
  forgetCompanyAuth();
  if (auth === null) return false;
  try {
    const as = await discover(auth.issuer);
    if (as.end_session_endpoint === undefined) return false;
    const url = new URL(as.end_session_endpoint);
    url.search = new URLSearchParams({ id_token_hint: auth.idToken, client_id: auth.clientId, post_logout_redirect_uri: redirectUri() }).toString();
    location.assign(url.toString());
    return true;
  } catch {
    return false;
  }
}
