import { describe, expect, it, vi } from 'vitest';
import type { StoredSession } from '../../shared/bridge.js';
import { PLAIN_TEXT_REFUSED, createTokenStore } from './token-store.js';
import type { SafeStorageLike } from './token-store.js';

const session: StoredSession = { personId: 'seema', token: 'eyJ.secret.sig', relayUrl: 'wss://corp', expiresAt: null };

function setup(options: { backend?: string; available?: boolean; allowPlainText?: boolean; platform?: NodeJS.Platform } = {}) {
  let stored: Buffer | null = null;
  const safeStorage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    // A reversible stand-in for the OS encryption, visibly not the plain text.
    encryptStringAsync: async (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptStringAsync: async (data) => ({ result: Buffer.from(data).reverse().toString('utf8'), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  const file = {
    read: async () => stored,
    write: vi.fn(async (data: Buffer) => void (stored = data)),
    remove: vi.fn(async () => void (stored = null)),
  };
  const warn = vi.fn();
  const deps = { safeStorage, platform: options.platform ?? 'linux', allowPlainText: () => options.allowPlainText ?? false, file, warn };
  return { store: createTokenStore(deps), again: () => createTokenStore(deps), file, warn, stored: () => stored };
}

describe('token store', () => {
  it('keeps the session encrypted on disk and reads it back in the next run', async () => {
    const t = setup();
    expect(await t.store.save(session)).toEqual({ kind: 'keychain' });
    expect(t.stored()?.toString('utf8')).not.toContain('secret');
    expect(await t.again().load()).toEqual(session);
  });

  it('refuses Linux’s plain-text backend unless policy allows it, and says so', async () => {
    const t = setup({ backend: 'basic_text' });
    expect(await t.store.save(session)).toEqual({ kind: 'memory-only', reason: PLAIN_TEXT_REFUSED });
    expect(t.file.write).not.toHaveBeenCalled();
    expect(t.warn).toHaveBeenCalledWith(expect.stringContaining('not stored on disk'));
    expect(await t.store.load()).toEqual(session);
    expect(await t.again().load()).toBeNull();
  });

  it('stores on the plain-text backend when policy allows it, naming that in the status', async () => {
    const t = setup({ backend: 'basic_text', allowPlainText: true });
    expect(await t.store.save(session)).toEqual({ kind: 'plain-text-allowed-by-policy' });
    expect(await t.again().load()).toEqual(session);
  });

  it('keeps the session in memory when no keychain is available at all', async () => {
    const t = setup({ available: false, platform: 'win32' });
    expect((await t.store.status()).kind).toBe('memory-only');
    await t.store.save(session);
    expect(t.file.write).not.toHaveBeenCalled();
  });

  it('forgets the session on sign-out, on disk too', async () => {
    const t = setup();
    await t.store.save(session);
    await t.store.clear();
    expect(await t.store.load()).toBeNull();
    expect(t.stored()).toBeNull();
  });
});
