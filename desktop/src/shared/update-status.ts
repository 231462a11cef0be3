// What the updater is doing, as the app shows it. A union so that, for example, a 'ready' status
// always carries the version it would install and a disabled updater always says why.

export type UpdateDisabledReason =
  /** Machine policy turned auto-update off (or gave no update server). */
  | 'policy'
  | 'not-configured'
  /** Running from source, not an installed build. */
  | 'development'
  /** A Windows build without a publisher to verify update signatures against. */
  | 'unverifiable-signature'
  /** The web client updates with the page. */
  | 'web';

export type UpdateStatus =
  | { state: 'disabled'; reason: UpdateDisabledReason }
  | { state: 'idle'; checkedAt: number | null }
  | { state: 'checking' }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string };
