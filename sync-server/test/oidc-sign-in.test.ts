// Signing in to the relay with the company identity provider's tokens (a real oidc-provider), side
// by side with the relay's own tokens: the person the token names by e-mail reaches their rooms,
// someone the directory does not know or who has left is refused with a reason the app can show,
// and the web client learns where to sign in from /api/config.
import { putDirectoryRecords, readDirectory, roomName } from '@hearth/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectProvider, person, rawClient, startTestRelay, synced, type TestRelay } from './helpers.js';
import { startIssuer, type TestIssuer } from '@hearth/test-idp';

let issuer: TestIssuer;
let relay: TestRelay;
beforeAll(async () => {
  issuer = await startIssuer({ accounts: { 'alice.sub': 'alice@example.com', 'mallory.sub': 'mallory@elsewhere.example', 'dave.sub': 'dave@example.com' } });
  relay = await startTestRelay({ oidc: { issuer: issuer.issuer, audience: 'hearth', webClientId: 'hearth' } });
});
afterAll(async () => {
  await relay.cleanup();
  await issuer.stop();
});

describe('sign-in with the company identity provider', () => {
  it('tells the web client where to sign in', async () => {
    const config = (await (await fetch(`http://127.0.0.1:${relay.port}/api/config`)).json()) as Record<string, unknown>;
    expect(config).toEqual({ demo: false, oidc: { issuer: issuer.issuer, clientId: 'hearth', scopes: 'openid email profile offline_access' } });
  });

  it('answers which person a token stands for (/api/session), refusing strangers', async () => {
    const ask = async (token: string | null) => {
      const res = await fetch(`http://127.0.0.1:${relay.port}/api/session`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await ask((await issuer.signIn('alice.sub')).id_token)).toMatchObject({ status: 200, body: { personId: 'alice' } });
    expect(await ask(await relay.mintToken('bob'))).toMatchObject({ status: 200, body: { personId: 'bob' } });
    expect(await ask((await issuer.signIn('mallory.sub')).id_token)).toMatchObject({ status: 403, body: { error: 'not in the company directory' } });
    expect((await ask(null)).status).toBe(401);
  });

  it('an ID token from the code flow opens the person’s rooms; the relay’s own tokens keep working beside it', async () => {
    const { id_token } = await issuer.signIn('alice.sub');
    const inbox = connectProvider(relay.url, roomName({ kind: 'inbox', person: 'alice' }), id_token);
    await synced(inbox);
    const other = rawClient(relay.url, roomName({ kind: 'inbox', person: 'bob' }), id_token);
    expect((await other.closed).code).toBe(4403);
    const own = connectProvider(relay.url, 'directory', await relay.mintToken('bob'));
    await synced(own);
    inbox.destroy();
    own.destroy();
  });

  it('refuses someone the directory does not know, and someone who has left, with a reason', async () => {
    const stranger = rawClient(relay.url, 'directory', (await issuer.signIn('mallory.sub')).id_token);
    expect(await stranger.closed).toEqual({ code: 4403, reason: 'not in the company directory' });
    const leaver = rawClient(relay.url, 'directory', (await issuer.signIn('dave.sub')).id_token);
    expect(await leaver.closed).toEqual({ code: 4403, reason: 'person not active' });
  });

  it('a person the directory learns later can sign in at once (the lookup follows directory changes)', async () => {
    const { id_token } = await issuer.signIn('mallory.sub');
    const before = rawClient(relay.url, 'directory', id_token);
    expect((await before.closed).code).toBe(4403);
    const people = readDirectory(await relay.host.open('directory'));
    await relay.host.write('directory', (doc) => putDirectoryRecords(doc, [...people, person('mallory', { email: 'mallory@elsewhere.example' })]));
    const after = connectProvider(relay.url, 'directory', id_token);
    await synced(after);
    after.destroy();
  });

  it('a forged token that claims the provider as issuer is refused with 4401', async () => {
    const { id_token } = await issuer.signIn('alice.sub');
    const [h, p] = id_token.split('.');
    const forged = rawClient(relay.url, 'directory', `${h}.${p}.${'A'.repeat(342)}`);
    expect((await forged.closed).code).toBe(4401);
  });
});
