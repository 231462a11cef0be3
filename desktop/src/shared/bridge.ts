// The typed contract between the Electron preload and the renderer. The preload exposes one object
// of this shape as `window.hearth`; the renderer reaches it only through platform/bridge.ts, which
// falls back to web APIs when it is absent (the web client, and the tests in Chromium).
// Pure types: no DOM, no Node, no Electron, so main, preload and renderer can all import it.
import type { SettingsView } from './settings.js';
import type { UpdateStatus } from './update-status.js';

export type { SettingsView, SettingSource, ManagedValue, SettingKey } from './settings.js';
export type { UpdateStatus } from './update-status.js';

export interface NotificationRequest {
  title: string;
  body: string;
  /** A hash route to open when the person clicks the notification, e.g. '#/post/space-1/01H...'. */
  route?: string;
}

/** An attachment to open with the system's application (its bytes come from the app's own store). */
export interface OpenFileRequest {
  /** The file's name as attached (a base name; main sanitises it again). */
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** 'opened': the system's application has it; 'shown': a program type is only shown in its folder. */
export type OpenFileResult = { ok: true; how: 'opened' | 'shown' | 'downloaded' } | { ok: false; message: string };

export interface StoredSession {
  personId: string;
  token: string;
  relayUrl: string;
  /** Epoch milliseconds; null when the token carries no expiry the app can read. */
  expiresAt: number | null;
}

export interface ManagedConfig {
  /** Relay address pre-configured by machine policy, if any. */
  relayUrl?: string;
  /** Whether machine policy forbids changing the relay address. */
  relayLocked?: boolean;
}

/**
 * Where the session token lives. `memory-only` is what a person notices: they sign in again at
 * the next launch, and `reason` says why (shown in the app, never silently downgraded).
 */
export type TokenStorageStatus =
  | { kind: 'keychain' }
  | { kind: 'plain-text-allowed-by-policy' }
  | { kind: 'browser-storage' }
  | { kind: 'memory-only'; reason: string };

/** The outcome of signing in through the company's identity provider in the system browser. */
export type SignInResult =
  | { ok: true; session: StoredSession }
  | { ok: false; reason: 'not-configured' | 'cancelled' | 'timed-out' | 'failed'; message: string };

/** The outcome of renewing a company sign-in's token without the person (the refresh token stays in main). */
export type RenewResult =
  | { ok: true; session: StoredSession }
  | { ok: false; reason: 'offline' | 'refused'; message: string };

export interface HearthBridge {
  readonly kind: 'electron' | 'web';
  notify(request: NotificationRequest): Promise<void>;
  /** The unread count on the dock / taskbar icon; 0 clears it. */
  setBadge(count: number): Promise<void>;
  /** Token storage: the OS keychain (safeStorage) in Electron, localStorage on the web. */
  loadSession(): Promise<StoredSession | null>;
  saveSession(session: StoredSession): Promise<void>;
  clearSession(): Promise<void>;
  tokenStorage(): Promise<TokenStorageStatus>;
  managedConfig(): Promise<ManagedConfig>;
  /** Every setting with its value and where it came from (policy, user, default). */
  settings(): Promise<SettingsView>;
  /** OIDC sign-in (authorization code + PKCE) through the system browser. */
  signIn(relayUrl: string): Promise<SignInResult>;
  /** A fresh token for a company sign-in ('offline': try later; 'refused': sign in again). */
  renewSession(): Promise<RenewResult>;
  updateStatus(): Promise<UpdateStatus>;
  /** Restart into a downloaded update; does nothing unless the status is 'ready'. */
  installUpdate(): Promise<void>;
  /** Opens an attachment with the system's application (Electron); downloads it on the web. */
  openFile(file: OpenFileRequest): Promise<OpenFileResult>;
  /** Subscriptions answer an unsubscribe function. */
  onUpdateStatus(listener: (status: UpdateStatus) => void): () => void;
  /** Routes the host asks the app to open: deep links (hearth://) and notification clicks. */
  onNavigate(listener: (route: string) => void): () => void;
}
