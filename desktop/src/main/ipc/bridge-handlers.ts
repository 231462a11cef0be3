// What each bridge call does in main, over the services (settings, tokens, updater, OS). Arguments
// arrive already checked by the IPC wrapper. The relay a person signs in to is remembered as their
// setting, so the next launch's Content-Security-Policy allows only that relay; with a relay
// locked by policy, sign-in always goes to the policy's relay whatever the page asks.
import type { NotificationRequest, OpenFileRequest, OpenFileResult } from '../../shared/bridge.js';
import type { SettingsView, UserSettings } from '../../shared/settings.js';
import type { RunningUpdater } from '../updates/updater.js';
import type { CompanySession } from '../signin/company-session.js';
import type { TokenStore } from '../tokens/token-store.js';
import { managedConfigOf, mayChange } from '../settings/effective-settings.js';
import type { IpcHandlers } from './ipc-registry.js';

export interface BridgeServices {
  settings(): Promise<SettingsView>;
  updateUserSettings(patch: UserSettings): Promise<void>;
  tokens: TokenStore;
  updater(): RunningUpdater;
  notify(request: NotificationRequest): void;
  setBadge(count: number): void;
  /** Attachments opened with the system's application (os/open-file.ts). */
  openFile(file: OpenFileRequest): Promise<OpenFileResult>;
  /** Company sign-in (OIDC in the system browser), renewal and sign-out at the provider. */
  company: Pick<CompanySession, 'signIn' | 'renew' | 'signOut'>;
  /** After sign-out the page reloads, so its Content-Security-Policy forgets the relay. */
  reloadWindow(): void;
}

export function bridgeHandlers(s: BridgeServices): IpcHandlers {
  return {
    notify: async (request) => s.notify(request),
    setBadge: async (count) => s.setBadge(count),
    loadSession: () => s.tokens.load(),
    async saveSession(session) {
      const view = await s.settings();
      if (view.relayUrl.locked && session.relayUrl !== view.relayUrl.value) throw new Error('the relay address is set by policy');
      await s.tokens.save(session);
      if (mayChange(view, 'relayUrl') && view.relayUrl.value !== session.relayUrl) await s.updateUserSettings({ relayUrl: session.relayUrl });
    },
    async clearSession() {
      await s.tokens.clear();
      await s.company.signOut();
      const view = await s.settings();
      if (mayChange(view, 'relayUrl') && view.relayUrl.source === 'user') {
        await s.updateUserSettings({ relayUrl: undefined });
        s.reloadWindow();
      }
    },
    tokenStorage: () => s.tokens.status(),
    managedConfig: async () => managedConfigOf(await s.settings()),
    settings: () => s.settings(),
    async signIn(relayUrl) {
      const view = await s.settings();
      return s.company.signIn(view.relayUrl.locked && view.relayUrl.value !== null ? view.relayUrl.value : relayUrl, view);
    },
    renewSession: () => s.company.renew(),
    updateStatus: async () => s.updater().status(),
    installUpdate: async () => s.updater().install(),
    openFile: (file) => s.openFile(file),
  };
}
