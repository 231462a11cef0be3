// @vitest-environment jsdom
// Signing out: machine policy decides whether the person's local copy leaves with them (shared
// computers) or stays for their next sign-in; a company session's renewal goes through the host.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../platform/bridge.js';
import { fakeHost } from '../screens/test-bridge.js';
import { HearthDb, caseDatabaseName, databaseName } from '../storage/db.js';
import { refreshToken, sessionState, signOut } from './session.js';

afterEach(() => setBridgeForTests(null));

async function signedInWithLocalWork(person: string): Promise<void> {
  const db = new HearthDb(databaseName(person));
  await db.drafts.put({ key: 'post:general', value: 'half-written thoughts' } as never);
  db.close();
  const cases = new Dexie(caseDatabaseName(person));
  cases.version(1).stores({ meta: 'name' });
  await cases.open();
  cases.close();
  sessionState.set({ status: 'signed-in', session: { personId: person, token: 't', relayUrl: 'ws://relay', expiresAt: null, demo: false } });
}

describe('sign-out', () => {
  it('keeps the local copy by default, so the person finds their work when they come back', async () => {
    const host = fakeHost();
    setBridgeForTests(host.bridge);
    await signedInWithLocalWork('ana');
    await signOut();
    expect(host.bridge.clearSession).toHaveBeenCalled();
    expect(await Dexie.exists(databaseName('ana'))).toBe(true);
  });

  it('deletes the person’s local copy when machine policy says so (WipeLocalDataOnSignOut)', async () => {
    const host = fakeHost({ settings: { wipeLocalDataOnSignOut: { value: true, source: 'policy', locked: true } } });
    setBridgeForTests(host.bridge);
    await signedInWithLocalWork('bo');
    await signedInWithLocalWork('cy');
    sessionState.set({ status: 'signed-in', session: { personId: 'bo', token: 't', relayUrl: 'ws://relay', expiresAt: null, demo: false } });
    await signOut();
    expect(await Dexie.exists(databaseName('bo'))).toBe(false);
    expect(await Dexie.exists(caseDatabaseName('bo'))).toBe(false);
    // Only the person who signed out: a colleague's copy on the same computer stays.
    expect(await Dexie.exists(databaseName('cy'))).toBe(true);
  });
});

describe('renewing a company sign-in in the desktop app', () => {
  it('takes the host’s renewed token; offline keeps the session; a refusal signs out', async () => {
    const host = fakeHost();
    setBridgeForTests(host.bridge);
    const session = { personId: 'ana', token: 'old', relayUrl: 'ws://relay', expiresAt: null };
    sessionState.set({ status: 'signed-in', session: { ...session, demo: false } });
    host.bridge.renewSession.mockResolvedValueOnce({ ok: true, session: { ...session, token: 'new' } });
    expect(await refreshToken()).toBe(true);
    expect(sessionState.get()).toMatchObject({ status: 'signed-in', session: { token: 'new' } });
    host.bridge.renewSession.mockResolvedValueOnce({ ok: false, reason: 'offline', message: 'no network' });
    expect(await refreshToken()).toBe(true);
    expect(sessionState.get()).toMatchObject({ status: 'signed-in', session: { token: 'new' } });
    host.bridge.renewSession.mockResolvedValueOnce({ ok: false, reason: 'refused', message: 'revoked' });
    expect(await refreshToken()).toBe(false);
    expect(sessionState.get()).toEqual({ status: 'signed-out', reason: 'expired' });
  });
});
