// The typed contract between the Electron preload and the renderer. The preload exposes one object
// of this shape as `window.hearth`; the renderer reaches it only through platform/bridge.ts, which
// falls back to web APIs when it is absent (the web client, and the tests in Chromium).
// Pure types: no DOM, no Node, no Electron, so main, preload and renderer can all import it.

export interface NotificationRequest {
  title: string;
  body: string;
  /** A hash route to open when the person clicks the notification, e.g. '#/post/space-1/01H...'. */
  route?: string;
}

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

export interface HearthBridge {
  readonly kind: 'electron' | 'web';
  notify(request: NotificationRequest): Promise<void>;
  /** The unread count on the dock / taskbar icon; 0 clears it. */
  setBadge(count: number): Promise<void>;
  /** Token storage: the OS keychain (safeStorage) in Electron, localStorage on the web. */
  loadSession(): Promise<StoredSession | null>;
  saveSession(session: StoredSession): Promise<void>;
  clearSession(): Promise<void>;
  managedConfig(): Promise<ManagedConfig>;
}
