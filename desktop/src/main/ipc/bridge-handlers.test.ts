import { describe, expect, it, vi } from 'vitest';
import type { StoredSession } from '../../shared/bridge.js';
import type { UserSettings } from '../../shared/settings.js';
import type { MachinePolicy } from '../policy/policy-keys.js';
import { effectiveSettings } from '../settings/effective-settings.js';
import type { TokenStore } from '../tokens/token-store.js';
import { bridgeHandlers } from './bridge-handlers.js';

const session = (relayUrl: string): StoredSession => ({ personId: 'seema', token: 't', relayUrl, expiresAt: null });

function setup(policy: MachinePolicy, user: UserSettings = {}) {
  let current = { ...user };
  const tokens = { save: vi.fn(async () => ({ kind: 'keychain' as const })), clear: vi.fn(async () => {}), load: vi.fn(), status: vi.fn() } as unknown as TokenStore;
  const services = {
    settings: async () => effectiveSettings(policy, current),
    updateUserSettings: vi.fn(async (patch: UserSettings) => void (current = { ...current, ...patch })),
    tokens,
    updater: () => ({ status: () => ({ state: 'idle' as const, checkedAt: null }), check: async () => {}, install: () => {} }),
    notify: vi.fn(),
    setBadge: vi.fn(),
    openFile: vi.fn(async () => ({ ok: true as const, how: 'opened' as const })),
    company: {
      signIn: vi.fn(async (relayUrl: string) => ({ ok: true as const, session: session(relayUrl) })),
      renew: vi.fn(async () => ({ ok: false as const, reason: 'refused' as const, message: '' })),
      signOut: vi.fn(async () => {}),
    },
    reloadWindow: vi.fn(),
  };
  return { handlers: bridgeHandlers(services), services, tokens, user: () => current };
}

describe('bridge handlers', () => {
  it('remember the relay a person signs in to, so the next launch allows only that relay', async () => {
    const s = setup({});
    await s.handlers.saveSession(session('wss://branch.example'));
    expect(s.user().relayUrl).toBe('wss://branch.example');
  });

  it('refuse to keep a session for another relay than the one policy locks', async () => {
    const s = setup({ relayUrl: 'wss://corp' });
    await expect(s.handlers.saveSession(session('wss://elsewhere'))).rejects.toThrow(/set by policy/);
    expect(s.tokens.save).not.toHaveBeenCalled();
  });

  it('sign in against the policy relay whatever the page asks for', async () => {
    const s = setup({ relayUrl: 'wss://corp' });
    await s.handlers.signIn('wss://elsewhere');
    expect(s.services.company.signIn).toHaveBeenCalledWith('wss://corp', expect.anything());
  });

  it('on sign-out forget the chosen relay and reload, so the page may reach another', async () => {
    const s = setup({}, { relayUrl: 'wss://branch.example' });
    await s.handlers.clearSession();
    expect(s.tokens.clear).toHaveBeenCalled();
    expect(s.services.company.signOut).toHaveBeenCalled();
    expect(s.user().relayUrl).toBeUndefined();
    expect(s.services.reloadWindow).toHaveBeenCalled();
  });

  it('tell the sign-in screen which relay IT set', async () => {
    expect(await setup({ relayUrl: 'wss://corp' }).handlers.managedConfig()).toEqual({ relayUrl: 'wss://corp', relayLocked: true });
  });
});
