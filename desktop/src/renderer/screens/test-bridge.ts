// A fake Electron host for container tests: machine policy, token store and updater are whatever
// the test says, update status changes are pushed by `pushUpdate`, and calls are recorded.
import { vi } from 'vitest';
import type { HearthBridge, ManagedConfig, RenewResult, SignInResult, StoredSession, TokenStorageStatus, UpdateStatus, OpenFileResult } from '../../shared/bridge.js';
import { defaultSettingsView, type ManagedValue, type SettingKey, type SettingsView } from '../../shared/settings.js';

export interface FakeHostOptions {
  managed?: ManagedConfig;
  settings?: Partial<{ [K in SettingKey]: ManagedValue<SettingsView[K]['value']> }>;
  tokenStorage?: TokenStorageStatus;
  update?: UpdateStatus;
}

export function fakeHost(options: FakeHostOptions = {}) {
  const listeners = new Set<(status: UpdateStatus) => void>();
  const settings = { ...defaultSettingsView(), ...options.settings } as SettingsView;
  const bridge = {
    kind: 'electron' as const,
    notify: vi.fn(async () => {}),
    setBadge: vi.fn(async () => {}),
    loadSession: vi.fn(async (): Promise<StoredSession | null> => null),
    saveSession: vi.fn(async () => {}),
    clearSession: vi.fn(async () => {}),
    tokenStorage: vi.fn(async (): Promise<TokenStorageStatus> => options.tokenStorage ?? { kind: 'keychain' }),
    managedConfig: vi.fn(async (): Promise<ManagedConfig> => options.managed ?? {}),
    settings: vi.fn(async () => settings),
    signIn: vi.fn(async (): Promise<SignInResult> => ({ ok: false, reason: 'not-configured', message: 'not in tests' })),
    renewSession: vi.fn(async (): Promise<RenewResult> => ({ ok: false, reason: 'refused', message: 'not in tests' })),
    updateStatus: vi.fn(async (): Promise<UpdateStatus> => options.update ?? { state: 'idle', checkedAt: null }),
    installUpdate: vi.fn(async () => {}),
    openFile: vi.fn(async (): Promise<OpenFileResult> => ({ ok: true, how: 'opened' })),
    onUpdateStatus: vi.fn((listener: (status: UpdateStatus) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    onNavigate: vi.fn(() => () => {}),
  } satisfies HearthBridge;
  return {
    bridge,
    pushUpdate: (status: UpdateStatus) => listeners.forEach((l) => l(status)),
  };
}
