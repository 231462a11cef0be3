// Token lifetimes and revocation, from the attacker's side: a ten-year token (minted with the key, or
// before the cap) is refused; an admin revokes a person's tokens and their open connections close at
// once, on both WebSocket paths, and stay refused after a restart.
import { putDirectoryRecords } from '@hearth/core';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../src/auth/signing-key.js';
import { connectProvider, person, rawClient, restartTestRelay, startTestRelay, synced, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

async function tokenWithLifetime(dataDir: string, personId: string, seconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(personId).setIssuer('hearth-relay').setAudience('hearth')
    .setIssuedAt(now).setExpirationTime(now + seconds).sign(loadSigningKey(dataDir));
}

describe('token lifetimes and revocation', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay();
    await relay.host.write('directory', (doc) => putDirectoryRecords(doc, [...['alice', 'bob', 'carol'].map((p) => person(p)), person('mona', { roles: ['employee', 'moderator'] })]));
  });
  afterAll(() => relay.cleanup());

  it('a token living longer than the cap (30 days) is refused when minted and when presented', async () => {
    await expect(relay.mintToken('alice', '3650d')).rejects.toThrow(/at most 30d \(asked for 3650d\)/);
    expect(await relay.mintToken('alice', '30d')).toMatch(/^ey/);
    // Signed with the relay's own key (minted elsewhere, or before the cap): still refused.
    const tenYears = await tokenWithLifetime(relay.dataDir, 'alice', 3650 * 86400);
    expect(await rawClient(relay.url, 'outbox/alice', tenYears).closed).toEqual({ code: 4401, reason: 'token lifetime too long' });
    const month = await tokenWithLifetime(relay.dataDir, 'alice', 30 * 86400);
    const ok = connectProvider(relay.url, 'outbox/alice', month);
    await synced(ok);
    ok.destroy();
  });

  it('an admin revokes a person’s tokens: open connections close 4401 on every path, old tokens are refused, a new sign-in works', async () => {
    const old = await relay.mintToken('mona');
    const outbox = connectProvider(relay.url, 'outbox/mona', old);
    const directory = connectProvider(relay.url, 'directory', old);
    const bob = connectProvider(relay.url, 'directory', await relay.mintToken('bob'));
    await Promise.all([synced(outbox), synced(directory), synced(bob)]);
    const cases = rawClient(relay.url, 'automerge', old);
    await cases.opened;
    await new Promise((r) => setTimeout(r, 200));

    const res = await fetch(`http://127.0.0.1:${relay.port}/admin/token-revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await relay.mintAdminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ person: 'mona' }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => outbox.closes.length > 0 && directory.closes.length > 0, 5000, 'closed');
    expect([outbox.closes[0], directory.closes[0]]).toEqual([4401, 4401]);
    expect((await cases.closed).code).toBe(4401);
    expect(bob.closes).toEqual([]);
    // The stolen token no longer opens anything; the person signs in again and gets in.
    expect(await rawClient(relay.url, 'outbox/mona', old).closed).toEqual({ code: 4401, reason: 'token revoked' });
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = connectProvider(relay.url, 'outbox/mona', await relay.mintToken('mona'));
    await synced(fresh);
    for (const c of [outbox, directory, bob, fresh]) c.destroy();
  });

  it('a revocation survives a restart', async () => {
    const own = await startTestRelay();
    const old = await own.mintToken('carol');
    const res = await fetch(`http://127.0.0.1:${own.port}/admin/token-revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await own.mintAdminToken()}` },
      body: JSON.stringify({ person: 'carol' }),
    });
    expect(res.status).toBe(200);
    await own.stop();
    const again = await restartTestRelay(own.dataDir);
    try {
      expect((await rawClient(again.url, 'directory', old).closed).code).toBe(4401);
    } finally {
      await again.stop();
      await own.cleanup();
    }
  });
});
