import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readInbox } from './document-views.js';
import { REACTION_BATCH_MS, addReactionToNotice } from './relay-reaction-notices.js';

const names: Record<string, string> = { ana: 'Ana Lima', bo: 'Bo Chen', cy: 'Cy Park' };
const react = (inbox: Y.Doc, reactor: string, at: number, target = 'p1') =>
  addReactionToNotice(inbox, { target, post: 'p1', space: 'general', reactor, nameOf: (p) => names[p] ?? p, at });

describe('batched reaction notices', () => {
  it('everyone who reacts to an item within the hour shares one notice', () => {
    const inbox = new Y.Doc();
    const t0 = 10 * REACTION_BATCH_MS;
    expect(react(inbox, 'ana', t0)).toBe('applied');
    expect(react(inbox, 'bo', t0 + 60_000)).toBe('applied');
    expect(react(inbox, 'cy', t0 + 120_000)).toBe('applied');
    const notices = readInbox(inbox).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'reaction', about: 'ana', people: ['ana', 'bo', 'cy'], entryId: 'p1', post: 'p1', space: 'general', createdAt: t0 });
    expect(notices[0]?.message).toBe('Ana Lima and 2 others reacted to your item.');
  });

  it('a second reaction by the same person, or a replay, changes nothing', () => {
    const inbox = new Y.Doc();
    react(inbox, 'ana', 5);
    expect(react(inbox, 'ana', 6)).toBe('unchanged');
    expect(readInbox(inbox).notices[0]?.message).toBe('Ana Lima reacted to your item.');
  });

  it('the next hour, or another item, starts a new notice', () => {
    const inbox = new Y.Doc();
    react(inbox, 'ana', 5);
    react(inbox, 'bo', 5 + REACTION_BATCH_MS);
    react(inbox, 'bo', 5, 'c1');
    expect(readInbox(inbox).notices).toHaveLength(3);
  });
});
