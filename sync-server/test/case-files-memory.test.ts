// Moderation case files are not all kept in memory (issue 10, part 5): a settled case (every
// decision carried out) unchanged for a while is unloaded; a moderator acting on it again loads it
// on demand and the decision is carried out; an open case stays loaded, so a moderator's new device
// is still told about it. A restart loads the open cases only, not every case ever settled.
import { readInbox, readSpace, writeAcknowledgement, writePost } from '@hearth/core';
import { afterAll, describe, expect, it } from 'vitest';
import { clientPool, restartTestRelay, waitFor, bucketNow } from './helpers.js';
import type { RunningRelay } from '../src/server/relay.js';
import type { TestRelay } from './helpers.js';
import { connectModerator, moderationRelay, type ModeratorClient } from './moderation-client.js';

describe('moderation case files in memory', () => {
  let relay: TestRelay;
  const pool = clientPool(() => relay);
  const moderators: ModeratorClient[] = [];
  let restarted: RunningRelay | null = null;
  afterAll(async () => {
    for (const m of moderators) await m.close();
    pool.destroyAll();
    await restarted?.stop();
    await relay.cleanup();
  });

  it('unloads settled case files once idle, loads one again when a moderator acts on it, keeps open ones', async () => {
    relay = await moderationRelay(undefined, { caseIdleMs: 300 });
    const out = await pool.open('alice', 'outbox/alice');
    writeAcknowledgement(out.doc, { policyVersion: 3 });
    const space = await pool.open('bob', bucketNow('general'));
    // A customer's name in a post is held by the demo policy: three posts, three cases.
    const ids = [1, 2, 3].map((i) => writePost(out.doc, { space: 'general', title: `Visit ${i}`, body: `Northwind visit number ${i}.` }));
    const mona = connectModerator(relay.url, 'mona', await relay.mintToken('mona'));
    moderators.push(mona);
    const cases = await Promise.all(ids.map((id) => mona.waitForCase((c) => c.item.entryId === id, `case of ${id}`)));
    expect(relay.moderation.loadedCases()).toBe(3);

    const approvals = [0, 1].map((i) => mona.decide(cases[i]!, 'approve'));
    const executed = async (i: number, decision: string) => (await relay.moderation.store.execution(cases[i]!.doc().id, decision))?.outcome;
    await waitFor(async () => (await executed(0, approvals[0]!)) === 'done' && (await executed(1, approvals[1]!)) === 'done', 10_000, 'both carried out');
    await waitFor(() => [0, 1].every((i) => readSpace(space.doc).posts.some((p) => p.id === ids[i])), 10_000, 'both published');
    expect(readSpace(space.doc).posts.filter((p) => ids.includes(p.id)).map((p) => p.id).sort()).toEqual([ids[0], ids[1]].sort());
    await waitFor(() => relay.moderation.loadedCases() === 1, 10_000, 'the two settled case files unloaded');

    // Acting on an unloaded case: the relay loads it again and carries the decision out.
    const inbox = await pool.open('alice', 'inbox/alice');
    const warn = mona.decide(cases[0]!, 'warn', 'Please leave customer names out of titles.');
    await waitFor(async () => (await executed(0, warn)) === 'done', 10_000, 'carried out after loading it again');
    await waitFor(() => readInbox(inbox.doc).notices.some((n) => n.kind === 'warning' && n.message.includes('customer names')), 10_000, 'the author is warned');

    // The open case was never unloaded: a moderator's new device is told about it.
    const max = connectModerator(relay.url, 'max', await relay.mintToken('max'));
    moderators.push(max);
    await max.waitForCase((c) => c.item.entryId === ids[2], 'the open case announced to a new device');
    // And the relay's memory goes back down once the reopened case is settled and idle again.
    await waitFor(() => relay.moderation.loadedCases() === 1, 10_000, 'unloaded again');

    // A restart (same storage, same address) loads the one open case, not the two settled ones...
    await mona.offline();
    await max.offline();
    await relay.stop();
    restarted = await restartTestRelay(relay.dataDir, { port: relay.port, caseIdleMs: 300, moderationSettleMs: 500 });
    const again = restarted;
    expect(again.moderation.loadedCases()).toBe(1);
    // ...and a moderator acting on a settled one afterwards still has the decision carried out.
    await mona.online();
    const note = mona.decide(cases[1]!, 'warn', 'Customer names stay out of posts, please.');
    await waitFor(async () => (await again.moderation.store.execution(cases[1]!.doc().id, note))?.outcome === 'done', 10_000, 'carried out after the restart');
    await waitFor(() => readInbox(inbox.doc).notices.some((n) => n.kind === 'warning' && n.message.includes('stay out of posts')), 10_000, 'the author is warned after the restart');
  }, 60_000);
});
