import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { initSpace, putDirectoryRecords, setSpaceMembers } from '@hearth/core';
import type { SpaceMeta } from '@hearth/core';
import { connectProvider, person, rawClient, startTestRelay, synced, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

function meta(id: string, visibility: SpaceMeta['visibility']): SpaceMeta {
  return { id, name: id, description: '', kind: 'discussion', visibility, facilitators: [], retentionDays: null, createdAt: 1 };
}

describe('relay authentication and authorization', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay();
    await relay.host.write('space/x', (doc) => {
      initSpace(doc, meta('x', 'private'));
      setSpaceMembers(doc, ['alice']);
    });
    await relay.host.write('space/general', (doc) => initSpace(doc, meta('general', 'public')));
    await relay.host.write('space/skunkworks', (doc) => {
      initSpace(doc, meta('skunkworks', 'secret'));
      setSpaceMembers(doc, ['alice']);
    });
  });
  afterAll(() => relay.cleanup());

  it('closes 4401 without a token', async () => {
    const c = rawClient(relay.url, 'outbox/alice', null);
    expect(await c.closed).toEqual({ code: 4401, reason: 'token missing' });
    expect(c.notices).toEqual([{ type: 'error', code: 4401, message: 'token missing' }]);
  });

  it('closes 4401 for an expired token and for a forged one', async () => {
    const expired = await relay.mintToken('alice', -10);
    expect((await rawClient(relay.url, 'outbox/alice', expired).closed).code).toBe(4401);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setIssuer('hearth-relay')
      .setAudience('hearth').setIssuedAt().setExpirationTime('1h').sign(new Uint8Array(32).fill(7));
    expect((await rawClient(relay.url, 'outbox/alice', forged).closed).code).toBe(4401);
    expect((await rawClient(relay.url, 'outbox/alice', 'not-a-jwt').closed).code).toBe(4401);
  });

  it('closes a connection with 4401 when its token expires', async () => {
    const client = connectProvider(relay.url, 'outbox/alice', await relay.mintToken('alice', 2));
    await synced(client);
    await waitFor(() => client.closes.length > 0, 4000, 'expiry');
    expect(client.closes[0]).toBe(4401);
    client.destroy();
  });

  it('the stock provider stops retrying after 4401', async () => {
    const client = connectProvider(relay.url, 'outbox/alice', 'garbage');
    await waitFor(() => client.closes.length > 0);
    expect(client.closes[0]).toBe(4401);
    expect(client.provider.shouldConnect).toBe(false);
    client.destroy();
  });

  it('closes 4403 for someone else’s outbox or inbox, and for people not active', async () => {
    const bob = await relay.mintToken('bob');
    expect((await rawClient(relay.url, 'outbox/alice', bob).closed).code).toBe(4403);
    expect((await rawClient(relay.url, 'inbox/alice', bob).closed).code).toBe(4403);
    expect((await rawClient(relay.url, 'directory', await relay.mintToken('dave')).closed).code).toBe(4403);
    expect((await rawClient(relay.url, 'directory', await relay.mintToken('zed')).closed).code).toBe(4403);
  });

  it('closes 4404 for unknown rooms', async () => {
    const bob = await relay.mintToken('bob');
    for (const room of ['nonsense', 'space/none', 'dm/none', 'outbox/', 'space/%2e%2e%2Fdirectory', 'outbox/bob/extra']) {
      expect((await rawClient(relay.url, room, bob).closed).code, room).toBe(4404);
    }
  });

  it('a secret space answers an outsider exactly as a space that does not exist (its existence cannot be tested)', async () => {
    const bob = await relay.mintToken('bob');
    const secret = await rawClient(relay.url, 'space/skunkworks', bob).closed;
    const missing = await rawClient(relay.url, 'space/no-such-thing', bob).closed;
    expect(secret).toEqual({ code: 4404, reason: 'no such space' });
    expect(secret).toEqual(missing);
    const alice = connectProvider(relay.url, 'space/skunkworks', await relay.mintToken('alice'));
    await synced(alice);
    expect(alice.doc.getMap('meta').get('visibility')).toBe('secret');
    alice.destroy();
  });

  it('a private space: 4403 for a non-member, readable for a member', async () => {
    expect((await rawClient(relay.url, 'space/x', await relay.mintToken('bob')).closed).code).toBe(4403);
    const alice = connectProvider(relay.url, 'space/x', await relay.mintToken('alice'));
    await synced(alice);
    expect(alice.doc.getMap('meta').get('visibility')).toBe('private');
    alice.destroy();
  });

  it('shared rooms and your own outbox and inbox open for every active person', async () => {
    const token = await relay.mintToken('carol');
    for (const room of ['directory', 'policy', 'spaces', 'space/general', 'outbox/carol', 'inbox/carol']) {
      const c = connectProvider(relay.url, room, token);
      await synced(c);
      expect(c.closes).toEqual([]);
      c.destroy();
    }
  });

  it('disconnect() closes a person’s connections to a room', async () => {
    const alice = connectProvider(relay.url, 'space/x', await relay.mintToken('alice'));
    await synced(alice);
    relay.host.disconnect('space/x', 'alice', 4403, 'removed');
    await waitFor(() => alice.closes.length > 0);
    expect(alice.closes[0]).toBe(4403);
    alice.destroy();
  });

  it('access is checked again when the relay changes membership or the directory', async () => {
    await relay.host.write('space/y', (doc) => {
      initSpace(doc, meta('y', 'private'));
      setSpaceMembers(doc, ['alice', 'carol']);
    });
    const alice = connectProvider(relay.url, 'space/y', await relay.mintToken('alice'));
    const carol = connectProvider(relay.url, 'space/y', await relay.mintToken('carol'));
    const carolOutbox = connectProvider(relay.url, 'outbox/carol', await relay.mintToken('carol'));
    await Promise.all([synced(alice), synced(carol), synced(carolOutbox)]);
    await relay.host.write('space/y', (doc) => setSpaceMembers(doc, ['carol']));
    await waitFor(() => alice.closes.length > 0);
    expect(alice.closes[0]).toBe(4403);
    expect(carol.closes).toEqual([]);
    await relay.host.write('directory', (doc) => putDirectoryRecords(doc, [person('alice'), person('bob'), person('carol', { status: 'suspended' })]));
    await waitFor(() => carol.closes.length > 0 && carolOutbox.closes.length > 0);
    expect([carol.closes[0], carolOutbox.closes[0]]).toEqual([4403, 4403]);
    for (const c of [alice, carol, carolOutbox]) c.destroy();
  });
});
