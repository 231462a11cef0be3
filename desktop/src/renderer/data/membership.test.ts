import { describe, expect, it } from 'vitest';
import type { InboxView, JoinRequestView, OutboxEntry } from '@hearth/core';
import { membershipState } from './membership.js';

const inbox = (o: Partial<InboxView> = {}): InboxView => ({ notices: [], statuses: {}, memberships: [], joinRequests: {}, ...o });
const join = (id: string, space: string, o: Partial<OutboxEntry> = {}): OutboxEntry =>
  ({ id, type: 'join', space, createdAt: Number(id.slice(1)), editedAt: null, retracted: false, ...o }) as OutboxEntry;
const leave = (id: string, space: string): OutboxEntry => ({ id, type: 'leave', space, createdAt: Number(id.slice(1)), editedAt: null, retracted: false });
const request = (id: string, state: JoinRequestView['state']): JoinRequestView => ({ id, space: 'wing', person: 'anna', state, requestedAt: 1, decidedBy: null, decidedAt: null });
const answered = (id: string, state: 'published' | 'rejected' = 'published') => ({ [id]: { entryId: id, state, version: 1, findings: [], updatedAt: 1 } });

describe('membershipState', () => {
  it('is the relay\'s word when the person did nothing', () => {
    expect(membershipState('general', 'public', 'anna', inbox(), [])).toEqual({ kind: 'none' });
    expect(membershipState('general', 'public', 'anna', inbox({ memberships: ['general'] }), [])).toEqual({ kind: 'member' });
  });

  it('shows one\'s own click until the relay answers: joined (public), waiting (private), left', () => {
    expect(membershipState('general', 'public', 'anna', inbox(), [join('j1', 'general')])).toEqual({ kind: 'member' });
    expect(membershipState('wing', 'private', 'anna', inbox(), [join('j1', 'wing')])).toEqual({ kind: 'pending', request: 'j1' });
    expect(membershipState('general', 'public', 'anna', inbox({ memberships: ['general'] }), [join('j1', 'general'), leave('j2', 'general')])).toEqual({ kind: 'none' });
  });

  it('follows the request as the facilitators decide it', () => {
    const out = [join('j1', 'wing')];
    expect(membershipState('wing', 'private', 'anna', inbox({ joinRequests: { j1: request('j1', 'pending') } }), out)).toEqual({ kind: 'pending', request: 'j1' });
    expect(membershipState('wing', 'private', 'anna', inbox({ joinRequests: { j1: request('j1', 'declined') } }), out)).toEqual({ kind: 'declined', request: 'j1' });
    expect(membershipState('wing', 'private', 'anna', inbox({ memberships: ['wing'], joinRequests: { j1: request('j1', 'approved') } }), out)).toEqual({ kind: 'member' });
    // Withdrawn on this device: no longer waiting, whatever the relay still says.
    expect(membershipState('wing', 'private', 'anna', inbox({ joinRequests: { j1: request('j1', 'pending') } }), [join('j1', 'wing', { retracted: true })])).toEqual({ kind: 'none' });
  });

  it('a refused join changes nothing, and a join carried out then undone by an admin reads as not a member', () => {
    expect(membershipState('general', 'public', 'anna', inbox({ statuses: answered('j1', 'rejected') }), [join('j1', 'general')])).toEqual({ kind: 'none' });
    expect(membershipState('general', 'public', 'anna', inbox({ statuses: answered('j1') }), [join('j1', 'general')])).toEqual({ kind: 'none' });
  });
});
