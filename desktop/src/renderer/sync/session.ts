// The signed-in session: who, with which token, against which relay. Kept through the bridge
// (keychain in Electron, localStorage on the web) so the app opens signed in, offline too.
// Tokens are refreshed a minute before they expire; in demo mode by minting a new one.
import type { RenewResult, StoredSession } from '../../shared/bridge.js';
import { observable } from '../data/observable.js';
import { getBridge } from '../platform/bridge.js';
import { companyAuth, completeCompanySignIn, endCompanySession, forgetCompanyAuth, isCompanyCallback, renewCompanyToken } from './company-sign-in.js';
import { wipeLocalData } from '../storage/db.js';
import { mintDemoToken, tokenExpiry } from './tokens.js';
import { normaliseRelayUrl, rememberRelayUrl } from './relay-url.js';

export interface Session extends StoredSession {
  /** Signed in through the demo endpoints, so a new token can be minted without asking. */
  demo: boolean;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'none' | 'expired' }
  | { status: 'signed-in'; session: Session };

export const sessionState = observable<SessionState>({ status: 'loading' });

/** Why the last company sign-in failed, for the sign-in screen to say (null when it did not). */
export const signInProblem = observable<string | null>(null);

const REFRESH_BEFORE_MS = 60_000;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export async function restoreSession(): Promise<void> {
  if (isCompanyCallback()) {
    // The company identity provider sent the person back to this page: finish that sign-in first.
    try {
      const session = await completeCompanySignIn();
      localStorage.removeItem('hearth.demo');
      await establish({ ...session, demo: false });
      return;
    } catch (err) {
      signInProblem.set(err instanceof Error ? err.message : String(err));
    }
  }
  const stored = await getBridge().loadSession();
  if (!stored) {
    sessionState.set({ status: 'signed-out', reason: 'none' });
    return;
  }
  const demo = localStorage.getItem('hearth.demo') === '1';
  // An expired token still opens the app from local data; sync waits for a refresh.
  setSignedIn({ ...stored, demo });
}

export async function signInDemo(relayUrl: string, personId: string): Promise<void> {
  const url = normaliseRelayUrl(relayUrl);
  const token = await mintDemoToken(url, personId);
  localStorage.setItem('hearth.demo', '1');
  await establish({ personId, token, relayUrl: url, expiresAt: tokenExpiry(token), demo: true });
}

export async function signInWithToken(relayUrl: string, personId: string, token: string): Promise<void> {
  localStorage.removeItem('hearth.demo');
  await establish({ personId, token: token.trim(), relayUrl: normaliseRelayUrl(relayUrl), expiresAt: tokenExpiry(token.trim()), demo: false });
}

/**
 * Sign in through the company identity provider (OIDC in the system browser, run by the main
 * process). A cancelled sign-in is no error: the person chose to stop, the form stays as it was.
 */
export async function signInWithCompany(relayUrl: string): Promise<void> {
  const url = normaliseRelayUrl(relayUrl);
  const result = await getBridge().signIn(url);
  if (!result.ok) {
    if (result.reason === 'cancelled') return;
    throw new Error(result.message);
  }
  localStorage.removeItem('hearth.demo');
  await establish({ ...result.session, demo: false });
}

/** The subject of a JWT, to sign in by pasting a token alone. */
export function tokenSubject(token: string): string | null {
  const part = token.trim().split('.')[1];
  if (!part) return null;
  try {
    const payload = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

async function establish(session: Session): Promise<void> {
  rememberRelayUrl(session.relayUrl);
  await getBridge().saveSession(session);
  setSignedIn(session);
}

function setSignedIn(session: Session): void {
  sessionState.set({ status: 'signed-in', session });
  scheduleRefresh(session);
}

export async function signOut(reason: 'none' | 'expired' = 'none'): Promise<void> {
  if (refreshTimer) clearTimeout(refreshTimer);
  const before = sessionState.get();
  const wipe = (await getBridge().settings().catch(() => null))?.wipeLocalDataOnSignOut.value === true;
  await getBridge().clearSession();
  sessionState.set({ status: 'signed-out', reason });
  // Machine policy may ask that a person's local copy leave with them (shared computers); otherwise
  // it stays, and they find their work, offline too, when they sign in again.
  if (wipe && before.status === 'signed-in') await wipeLocalData(before.session.personId);
  // A person who signs out ends their session at the company's identity provider too (the page
  // leaves for its logout page and comes back); an expired session only forgets its tokens.
  if (reason === 'none') await endCompanySession();
  else forgetCompanyAuth();
}

/**
 * Get a fresh token. Demo: mint one. Otherwise the person must sign in again (a production build
 * goes through OIDC in the main process). Answers whether the session continues.
 */
export async function refreshToken(): Promise<boolean> {
  const state = sessionState.get();
  if (state.status !== 'signed-in') return false;
  const { session } = state;
  if (!session.demo) {
    // A company sign-in renews itself: the web client with its refresh token, the desktop app in
    // main (which keeps the refresh token). A pasted token cannot be renewed: sign in again.
    const renewed = await renewCompany(session);
    if (renewed.ok) {
      await getBridge().saveSession(renewed.session);
      setSignedIn({ ...renewed.session, demo: false });
      return true;
    }
    // Offline: local data stays usable; renewal is tried again, and sync resumes when it succeeds.
    if (renewed.reason === 'offline') {
      scheduleRetry();
      return true;
    }
    await signOut('expired');
    return false;
  }
  try {
    const token = await mintDemoToken(session.relayUrl, session.personId);
    const next = { ...session, token, expiresAt: tokenExpiry(token) };
    await getBridge().saveSession(next);
    setSignedIn(next);
    return true;
  } catch {
    // Offline or relay down: keep the session, try again later.
    scheduleRetry();
    return true;
  }
}

async function renewCompany(session: Session): Promise<RenewResult> {
  if (getBridge().kind === 'electron') return getBridge().renewSession();
  if (companyAuth() === null) return { ok: false, reason: 'refused', message: 'not a company sign-in' };
  const renewed = await renewCompanyToken();
  if (!renewed.ok) return { ok: false, reason: renewed.reason, message: 'renewal failed' };
  return { ok: true, session: { personId: session.personId, relayUrl: session.relayUrl, token: renewed.token, expiresAt: renewed.expiresAt } };
}

function scheduleRefresh(session: Session): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = null;
  if (session.expiresAt === null) return;
  const delay = Math.max(1_000, session.expiresAt - Date.now() - REFRESH_BEFORE_MS);
  refreshTimer = setTimeout(() => void refreshToken(), Math.min(delay, 2 ** 31 - 1));
}

function scheduleRetry(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshToken(), 30_000);
}
