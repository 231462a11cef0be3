// The desktop shell's company sign-in, driven through its seams against a real OpenID Connect
// provider (oidc-provider) and the real relay (the built CLI): the system browser is a scripted
// person who logs in on the provider's pages, the loopback redirect receives the code, PKCE and
// nonce are checked by openid-client, the relay names the person, the refresh token stays in main's
// encrypted credential store and renews the ID token, and sign-out forgets it and opens the
// provider's logout page. Only Electron's safeStorage is stood in for (Electron cannot run here).
import { startIssuer, type TestIssuer } from '@hearth/test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from './relay.js';
import { defaultSettingsView, type SettingsView } from '../src/shared/settings.js';
import { createSecretStore, createTokenStore, type SafeStorageLike } from '../src/main/tokens/token-store.js';
import { createCompanySession } from '../src/main/signin/company-session.js';
import { credentialSchema } from '../src/main/signin/oidc-sign-in.js';

let issuer: TestIssuer;
let relay: RunningRelay;
beforeAll(async () => {
  issuer = await startIssuer({ accounts: { 'rajesh.k': 'rajesh.kumar@poll.example', stranger: 'someone@elsewhere.example' }, clients: ['hearth-desktop'] });
  relay = await startRelay({ web: false, args: ['--oidc-issuer', issuer.issuer, '--oidc-audience', 'hearth-desktop'] });
}, 60_000);
afterAll(async () => {
  await relay?.stop();
  await issuer?.stop();
});

/** safeStorage as Electron's keychain backend behaves: what is written can only be read back decrypted. */
const keychain: SafeStorageLike = {
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (text) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
  decryptStringAsync: async (data) => ({ result: Buffer.from(data.toString().slice(4), 'base64').toString(), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'keychain',
};

function memoryFile() {
  let data: Buffer | null = null;
  return { read: async () => data, write: async (d: Buffer) => void (data = d), remove: async () => void (data = null), peek: () => data };
}

function setup(account: string) {
  const opened: string[] = [];
  const credentialFile = memoryFile();
  const deps = { safeStorage: keychain, platform: 'linux' as const, allowPlainText: () => false, warn: () => {} };
  const tokens = createTokenStore({ ...deps, file: memoryFile() });
  const credentials = createSecretStore({ ...deps, file: credentialFile }, credentialSchema);
  const company = createCompanySession({
    fetch: (url, init) => fetch(url, init),
    openExternal: async (url) => {
      opened.push(url);
      if (url.includes('/auth?')) void issuer.browse(url, account);
    },
    tokens,
    credentials,
    timeoutMs: 30_000,
  });
  const view: SettingsView = { ...defaultSettingsView(), signInIssuer: { value: issuer.issuer, source: 'policy', locked: true }, signInClientId: { value: 'hearth-desktop', source: 'policy', locked: true } };
  return { company, tokens, credentials, credentialFile, opened, view };
}

describe('company sign-in in the desktop shell', () => {
  it('signs in through the system browser with a loopback redirect and PKCE, renews with the kept refresh token, and signs out at the provider', async () => {
    const s = setup('rajesh.k');
    const result = await s.company.signIn(relay.wsUrl, s.view);
    expect(result).toMatchObject({ ok: true, session: { personId: 'rajesh', relayUrl: relay.wsUrl } });
    if (!result.ok) return;
    const authorize = new URL(s.opened[0]!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    // The refresh token is kept encrypted in main, never handed to the renderer's session.
    expect(JSON.stringify(result.session)).not.toContain('refresh');
    expect(s.credentialFile.peek()?.toString()).toMatch(/^enc:/);
    expect((await s.credentials.load())?.refreshToken).toEqual(expect.any(String));

    await s.tokens.save(result.session);
    // ID tokens carry times in whole seconds: one renewed within the same second is byte for byte
    // the same token, so let a second pass before asking for a new one.
    await new Promise((r) => setTimeout(r, 1100));
    const renewed = await s.company.renew();
    expect(renewed).toMatchObject({ ok: true, session: { personId: 'rajesh' } });
    if (renewed.ok) expect(renewed.session.token).not.toBe(result.session.token);
    expect((await s.tokens.load())?.token).toBe(renewed.ok ? renewed.session.token : null);

    await s.company.signOut();
    expect(await s.credentials.load()).toBeNull();
    expect(s.opened.at(-1)).toMatch(new RegExp(`^${issuer.issuer}/session/end\\?`));
    expect(await s.company.renew()).toMatchObject({ ok: false, reason: 'refused' });
  }, 60_000);

  it('a person the company directory does not know is told why, and nothing is kept', async () => {
    const s = setup('stranger');
    const result = await s.company.signIn(relay.wsUrl, s.view);
    expect(result).toMatchObject({ ok: false, reason: 'failed', message: expect.stringMatching(/not in the company directory/) });
    expect(await s.credentials.load()).toBeNull();
  }, 60_000);

  it('renewal while the provider cannot be reached keeps the credential (offline), a refused one forgets it', async () => {
    const s = setup('rajesh.k');
    const result = await s.company.signIn(relay.wsUrl, s.view);
    if (!result.ok) throw new Error(result.message);
    await s.tokens.save(result.session);
    const kept = await s.credentials.load();
    await s.credentials.save({ ...kept!, issuer: 'http://127.0.0.1:9' });
    expect(await s.company.renew()).toMatchObject({ ok: false, reason: 'offline' });
    expect(await s.credentials.load()).not.toBeNull();
    await s.credentials.save({ ...kept!, refreshToken: 'not-a-refresh-token' });
    expect(await s.company.renew()).toMatchObject({ ok: false, reason: 'refused' });
    expect(await s.credentials.load()).toBeNull();
  }, 60_000);
});
