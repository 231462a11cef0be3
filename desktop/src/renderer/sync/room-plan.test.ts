import { describe, expect, it } from 'vitest';
import type { InboxView, OutboxEntry, SpaceMeta } from '@hearth/core';
import { planRooms, readableSpaces } from './room-plan.js';

const space = (id: string, visibility: SpaceMeta['visibility']): SpaceMeta => ({ id, name: id, description: '', kind: 'discussion', visibility, facilitators: [], retentionDays: null, createdAt: 0 });
const inbox = (memberships: string[]): InboxView => ({ notices: [], statuses: {}, memberships, joinRequests: {} });
const message = (conversation: string): OutboxEntry => ({ id: 'm1', type: 'message', conversation, to: ['binu'], body: 'hi', createdAt: 0, editedAt: null, retracted: false });

describe('planRooms', () => {
  it('opens own rooms, public spaces, memberships and conversations', () => {
    const rooms = planRooms({ me: 'anna', catalogue: [space('general', 'public'), space('media-wing', 'private')], inbox: inbox(['hr-secret']), outbox: [message('c1')], inboxConversations: ['c2'] });
    expect(rooms.sort()).toEqual(['directory', 'dm/c1', 'dm/c2', 'inbox/anna', 'outbox/anna', 'policy', 'space/general', 'space/hr-secret', 'spaces', 'recognition'].sort());
  });

  it('opens the kept time buckets of every readable space, and none of a space one cannot read', () => {
    const rooms = planRooms({ me: 'anna', catalogue: [space('general', 'public'), space('media-wing', 'private')], inbox: inbox([]), outbox: [], bucketRooms: (s) => [`space/${s}/2026-11`, `space/${s}/2026-10`] });
    expect(rooms).toEqual(expect.arrayContaining(['space/general', 'space/general/2026-11', 'space/general/2026-10']));
    expect(rooms.filter((r) => r.startsWith('space/media-wing'))).toEqual([]);
  });

  it('never opens a private space the person is not a member of', () => {
    const rooms = planRooms({ me: 'seema', catalogue: [space('media-wing', 'private')], inbox: inbox([]), outbox: [] });
    expect(rooms).not.toContain('space/media-wing');
    expect(readableSpaces([space('media-wing', 'private')], inbox(['media-wing']))).toEqual(['media-wing']);
  });
});
