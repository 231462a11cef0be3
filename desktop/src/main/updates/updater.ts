// Why: companies decide when software changes on their machines. Updates come only from the
// company's own server (electron-updater's `generic` provider, URL from policy or the build), and
// when policy turns auto-update off the updater is not even loaded — no request leaves the
// machine. On Windows an update is installed only if its Authenticode signature matches the
// publisher recorded at build time (app-update.yml `publisherName`); a build without one cannot
// verify anything, so it does not update itself at all.
import type { UpdateStatus } from '../../shared/update-status.js';
import type { Settings } from '../../shared/settings.js';

/** The parts of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdaterDeps {
  settings: Pick<Settings, 'autoUpdate' | 'updateUrl'>;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Loads electron-updater; called only when updates may run. */
  loadUpdater(): Promise<UpdaterLike>;
  /** The text of resources/app-update.yml written by electron-builder (server URL, publisher), or null. */
  readAppUpdateConfig(): Promise<string | null>;
  onStatus(status: UpdateStatus): void;
  now(): number;
}

export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Why updates cannot run here, or null when they may. */
export async function updateBlocker(deps: UpdaterDeps): Promise<UpdateStatus | null> {
  if (!deps.settings.autoUpdate) return { state: 'disabled', reason: 'policy' };
  if (!deps.isPackaged) return { state: 'disabled', reason: 'development' };
  const builtIn = (await deps.readAppUpdateConfig()) ?? '';
  // Without a policy UpdateUrl the server is the one built in (electron-builder's `publish`).
  if (deps.settings.updateUrl === null && !/^url:\s*\S/m.test(builtIn)) return { state: 'disabled', reason: 'not-configured' };
  if (deps.platform === 'win32' && !/^publisherName:/m.test(builtIn)) return { state: 'disabled', reason: 'unverifiable-signature' };
  return null;
}

export interface RunningUpdater {
  status(): UpdateStatus;
  check(): Promise<void>;
  install(): void;
}

export async function startUpdater(deps: UpdaterDeps): Promise<RunningUpdater> {
  let current: UpdateStatus = (await updateBlocker(deps)) ?? { state: 'idle', checkedAt: null };
  const set = (next: UpdateStatus) => {
    current = next;
    deps.onStatus(next);
  };
  if (current.state === 'disabled') {
    deps.onStatus(current);
    return { status: () => current, check: async () => {}, install: () => {} };
  }
  const updater = await deps.loadUpdater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  if (deps.settings.updateUrl !== null) updater.setFeedURL({ provider: 'generic', url: deps.settings.updateUrl });
  updater.on('checking-for-update', () => set({ state: 'checking' }));
  updater.on('update-available', (info) => set({ state: 'downloading', version: info.version, percent: 0 }));
  updater.on('update-not-available', () => set({ state: 'idle', checkedAt: deps.now() }));
  updater.on('download-progress', (p) => {
    if (current.state === 'downloading') set({ ...current, percent: Math.round(p.percent) });
  });
  updater.on('update-downloaded', (info) => set({ state: 'ready', version: info.version }));
  updater.on('error', (error) => set({ state: 'error', message: error.message }));
  return {
    status: () => current,
    async check() {
      try {
        await updater.checkForUpdates();
      } catch (error) {
        set({ state: 'error', message: (error as Error).message });
      }
    },
    install() {
      if (current.state === 'ready') updater.quitAndInstall();
    },
  };
}
