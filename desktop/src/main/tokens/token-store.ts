// Why: the session token is a bearer credential for the company's relay. It is kept encrypted with
// Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on
// Linux) through the async API. On Linux without a secret store, Electron falls back to a
// "basic_text" backend whose key is a constant — effectively plain text. We refuse to write the
// token there unless machine policy allows it (AllowPlainTextTokenStorage), keep it in memory for
// this run instead, and say so through tokenStorage() rather than degrading silently.
import { z } from 'zod';
import type { StoredSession, TokenStorageStatus } from '../../shared/bridge.js';

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

export interface BinaryFile {
  read(): Promise<Buffer | null>;
  write(data: Buffer): Promise<void>;
  remove(): Promise<void>;
}

export interface TokenStoreDeps {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  allowPlainText(): boolean;
  file: BinaryFile;
  warn(message: string): void;
}

const storedSessionSchema = z.object({
  personId: z.string().min(1),
  token: z.string().min(1),
  relayUrl: z.string().min(1),
  expiresAt: z.number().nullable(),
});

export const PLAIN_TEXT_REFUSED =
  'No secret store (GNOME Keyring, KWallet) is available, so the token could only be kept in plain text; ' +
  'machine policy does not allow that. You will be asked to sign in again when Hearth restarts.';

/** The session the renderer signs in with (the relay token), kept as the brief says. */
export function createTokenStore(deps: TokenStoreDeps) {
  return createSecretStore<StoredSession>(deps, storedSessionSchema);
}

/**
 * Any secret of the app's, kept the same way (the session; the company sign-in's refresh token,
 * which stays in main): encrypted with safeStorage, never written in plain text unless policy allows.
 */
export function createSecretStore<T>(deps: TokenStoreDeps, schema: z.ZodType<T>) {
  let memory: T | null = null;

  async function status(): Promise<TokenStorageStatus> {
    if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) {
      return { kind: 'memory-only', reason: 'The system keychain is not available. You will be asked to sign in again when Hearth restarts.' };
    }
    if (deps.platform === 'linux' && deps.safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return deps.allowPlainText() ? { kind: 'plain-text-allowed-by-policy' } : { kind: 'memory-only', reason: PLAIN_TEXT_REFUSED };
    }
    return { kind: 'keychain' };
  }

  async function persist(session: T): Promise<void> {
    await deps.file.write(await deps.safeStorage.encryptStringAsync(JSON.stringify(session)));
  }

  return {
    status,
    async load(): Promise<T | null> {
      if (memory !== null) return memory;
      if ((await status()).kind === 'memory-only') return null;
      const data = await deps.file.read();
      if (data === null) return null;
      try {
        const { result, shouldReEncrypt } = await deps.safeStorage.decryptStringAsync(data);
        const parsed = schema.safeParse(JSON.parse(result));
        if (!parsed.success) return null;
        memory = parsed.data;
        if (shouldReEncrypt) await persist(memory);
        return memory;
      } catch {
        // Encrypted by another user or machine, or damaged: sign in again.
        return null;
      }
    },
    async save(session: T): Promise<TokenStorageStatus> {
      memory = session;
      const now = await status();
      if (now.kind === 'memory-only') {
        deps.warn(`token not stored on disk: ${now.reason}`);
        await deps.file.remove();
      } else {
        await persist(session);
      }
      return now;
    },
    async clear(): Promise<void> {
      memory = null;
      await deps.file.remove();
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
export type SecretStore<T> = ReturnType<typeof createSecretStore<T>>;
