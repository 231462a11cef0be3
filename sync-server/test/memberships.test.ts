// Joining, leaving, asking to join and deciding, through a real relay: outbox entries written with
// @hearth/core by the stock provider, carried out by the relay into space documents, inboxes and
// the audit journal — and refused, with nothing changed, when someone tries what they may not.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  putDirectoryRecords,
  readInbox,
  readSpace,
  retractEntry,
  writeAcknowledgement,
  writeJoinDecision,
  writeJoinRequest,
  writeLeave,
  type InboxView,
} from '@hearth/core';
import { clientPool, person, rawClient, runAdmin as admin, startTestRelay, waitFor } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const PEOPLE = ['alice', 'bob', 'carol', 'erin', 'gus', 'hana', 'ivan'];

describe('memberships', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const inbox = async (who: string): Promise<TestClient> => open(who, `inbox/${who}`);
  const outbox = async (who: string): Promise<TestClient> => {
    const c = await open(who, `outbox/${who}`);
    writeAcknowledgement(c.doc, { policyVersion: 3 });
    return c;
  };
  const view = (c: TestClient): InboxView => readInbox(c.doc);
  const rejection = (c: TestClient, id: string): string | undefined => {
    const s = view(c).statuses[id];
    return s?.state === 'rejected' ? s.findings[0]?.rule : undefined;
  };
  const journal = async (kind: string): Promise<{ actor: string; person: string; space: string; details: string }[]> =>
    (await relay.storage.db.selectFrom('audit_journal').select(['actor', 'person', 'space', 'details']).where('kind', '=', kind).orderBy('seq').execute()) as never;

  beforeAll(async () => {
    relay = await startTestRelay({}, PEOPLE);
    // frank is an admin; bob facilitates media-wing (with gus), alice is a member there.
    await relay.host.write('directory', (doc) =>
      putDirectoryRecords(doc, [...PEOPLE.map((p) => person(p)), person('frank', { roles: ['employee', 'admin'] })]),
    );
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'media-wing', name: 'Media wing', visibility: 'private', facilitators: ['bob', 'gus'], members: ['alice'] });
    for (let i = 1; i <= 6; i++) await admin(relay, 'space-create', { id: `team-${i}`, name: `Team ${i}`, visibility: 'private', facilitators: ['bob'] });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('joining a public space makes one a member (inbox and member list), leaving undoes it, both journalled', async () => {
    const out = await outbox('alice');
    const box = await inbox('alice');
    const space = await open('alice', 'space/general');
    const join = writeJoinRequest(out.doc, { space: 'general' });
    await waitFor(() => view(box).memberships.includes('general') && readSpace(space.doc).members.includes('alice'), 5000, 'joined');
    // No "nothing to join" refusal, no notice to edit and resubmit.
    await waitFor(() => view(box).statuses[join]?.state === 'published', 5000, 'status follows the membership');
    expect(view(box).notices.filter((n) => n.kind === 'rejected')).toEqual([]);

    writeLeave(out.doc, { space: 'general' });
    await waitFor(() => !view(box).memberships.includes('general') && !readSpace(space.doc).members.includes('alice'), 5000, 'left');
    // The journal line is written when the relay records the entry, just after the documents
    // change (on PostgreSQL noticeably later): an auditor sees both once the relay is done.
    const actions = async () => (await journal('membership')).filter((r) => r.person === 'alice' && r.space === 'general').map((r) => (JSON.parse(r.details) as { action: string }).action);
    await waitFor(async () => (await actions()).length >= 2, 5000, 'both journalled');
    expect(await actions()).toEqual(['joined', 'left']);
  });

  it('asking to join a private space reaches its facilitators; one approves in the app; the requester is told and can read it', async () => {
    const out = await outbox('carol');
    const box = await inbox('carol');
    const bobBox = await inbox('bob');
    const gusBox = await inbox('gus');
    expect((await rawClient(relay.url, 'space/media-wing', await relay.mintToken('carol')).closed).code).toBe(4403);

    const request = writeJoinRequest(out.doc, { space: 'media-wing' });
    await waitFor(() => view(bobBox).joinRequests[request]?.state === 'pending' && view(gusBox).joinRequests[request]?.state === 'pending', 5000, 'request reaches both facilitators');
    expect(view(box).joinRequests[request]).toMatchObject({ space: 'media-wing', person: 'carol', state: 'pending' });
    await waitFor(() => view(bobBox).notices.some((n) => n.kind === 'join-request'), 5000, 'notice follows the request');
    expect(view(bobBox).notices.filter((n) => n.kind === 'join-request')).toMatchObject([{ about: 'carol', space: 'media-wing', entryId: request, message: expect.stringContaining('Media wing') }]);

    const bobOut = await outbox('bob');
    writeJoinDecision(bobOut.doc, { space: 'media-wing', request, decision: 'approve' });
    await waitFor(() => view(box).memberships.includes('media-wing'), 5000, 'carol is a member');
    // The request's state is a write of its own, to each inbox concerned, after the membership.
    await waitFor(() => view(box).joinRequests[request]?.state === 'approved', 5000, 'carol sees the request approved');
    expect(view(box).joinRequests[request]).toMatchObject({ state: 'approved', decidedBy: 'bob' });
    expect(view(box).notices.find((n) => n.kind === 'join-approved')).toMatchObject({ space: 'media-wing', about: 'bob' });
    await waitFor(() => view(gusBox).joinRequests[request]?.state === 'approved', 5000, 'the other facilitator sees it decided');
    const space = await open('carol', 'space/media-wing');
    expect(readSpace(space.doc).members).toContain('carol');

    const approved = async () => (await journal('membership')).find((r) => r.person === 'carol' && (JSON.parse(r.details) as { action: string }).action === 'request-approved');
    await waitFor(async () => (await approved()) !== undefined, 5000, 'approval journalled');
    expect(await approved()).toMatchObject({ actor: 'bob', space: 'media-wing' });

    // A second decision on the same request, by the other facilitator, changes nothing.
    const gusOut = await outbox('gus');
    const late = writeJoinDecision(gusOut.doc, { space: 'media-wing', request, decision: 'decline' });
    await waitFor(() => rejection(gusBox, late) !== undefined, 5000, 'late decision refused');
    expect(rejection(gusBox, late)).toBe('validation.request-not-pending');
    expect(view(box).joinRequests[request]?.state).toBe('approved');

    // Leaving a private space closes the door again.
    writeLeave(out.doc, { space: 'media-wing' });
    await waitFor(() => space.closes.includes(4403), 5000, 'connection closed on leaving');
    await waitFor(() => !view(box).memberships.includes('media-wing'), 5000, 'membership gone');
  });

  it('a declined requester is told, the space page state follows, and they may ask again later', async () => {
    const out = await outbox('hana');
    const box = await inbox('hana');
    const request = writeJoinRequest(out.doc, { space: 'team-1' });
    const bobBox = await inbox('bob');
    await waitFor(() => view(bobBox).joinRequests[request]?.state === 'pending', 5000, 'request');
    writeJoinDecision((await outbox('bob')).doc, { space: 'team-1', request, decision: 'decline' });
    await waitFor(() => view(box).joinRequests[request]?.state === 'declined', 5000, 'declined');
    expect(view(box).notices.find((n) => n.kind === 'join-declined')?.message).toMatch(/declined your request to join Team 1/);
    expect(view(box).memberships).not.toContain('team-1');
    const again = writeJoinRequest(out.doc, { space: 'team-1' });
    await waitFor(() => view(box).joinRequests[again]?.state === 'pending', 5000, 'asked again');
  });

  it('withdrawing a waiting request takes it and its notice out of the facilitators\' inboxes', async () => {
    const out = await outbox('ivan');
    const box = await inbox('ivan');
    const bobBox = await inbox('bob');
    const request = writeJoinRequest(out.doc, { space: 'team-2' });
    await waitFor(() => view(bobBox).joinRequests[request]?.state === 'pending', 5000, 'request');
    retractEntry(out.doc, request);
    await waitFor(() => view(box).joinRequests[request]?.state === 'withdrawn', 5000, 'withdrawn');
    await waitFor(() => view(bobBox).joinRequests[request] === undefined, 5000, 'gone from the facilitator');
    expect(view(bobBox).notices.some((n) => n.entryId === request)).toBe(false);
    // Approving it now is refused: nothing waits.
    const bobOut = await outbox('bob');
    const late = writeJoinDecision(bobOut.doc, { space: 'team-2', request, decision: 'approve' });
    await waitFor(() => rejection(bobBox, late) !== undefined, 5000, 'refused');
    expect(rejection(bobBox, late)).toBe('validation.request-not-pending');
    expect(view(box).memberships).not.toContain('team-2');
  });

  describe('attacks', () => {
    it('a member who is no facilitator approving a request is refused and changes nothing', async () => {
      const erinOut = await outbox('erin');
      const erinBox = await inbox('erin');
      const request = writeJoinRequest(erinOut.doc, { space: 'media-wing' });
      await waitFor(() => view(erinBox).joinRequests[request]?.state === 'pending', 5000, 'request');
      const aliceOut = await outbox('alice'); // a member of media-wing, not a facilitator
      const aliceBox = await inbox('alice');
      const forged = writeJoinDecision(aliceOut.doc, { space: 'media-wing', request, decision: 'approve' });
      await waitFor(() => rejection(aliceBox, forged) !== undefined, 5000, 'refused');
      expect(rejection(aliceBox, forged)).toBe('validation.not-a-facilitator');
      expect(view(erinBox).joinRequests[request]?.state).toBe('pending');
      expect(view(erinBox).memberships).not.toContain('media-wing');
      // Nor may the requester approve her own request.
      const self = writeJoinDecision(erinOut.doc, { space: 'media-wing', request, decision: 'approve' });
      await waitFor(() => rejection(erinBox, self) !== undefined, 5000, 'self-approval refused');
      expect(rejection(erinBox, self)).toBe('validation.not-a-facilitator');
      expect(view(erinBox).memberships).not.toContain('media-wing');
      // The refusal points at the space, with nothing to "edit and resubmit".
      expect(view(erinBox).notices.find((n) => n.entryId === null && n.kind === 'rejected')).toMatchObject({ space: 'media-wing' });
    });

    it('an admin may decide others\' requests but never their own; a facilitator cannot approve a request that does not exist', async () => {
      const frankOut = await outbox('frank');
      const frankBox = await inbox('frank');
      const own = writeJoinRequest(frankOut.doc, { space: 'team-3' });
      await waitFor(() => view(frankBox).joinRequests[own]?.state === 'pending', 5000, 'request');
      const self = writeJoinDecision(frankOut.doc, { space: 'team-3', request: own, decision: 'approve' });
      await waitFor(() => rejection(frankBox, self) !== undefined, 5000, 'refused');
      expect(rejection(frankBox, self)).toBe('validation.own-request');
      expect(view(frankBox).memberships).not.toContain('team-3');

      const bobOut = await outbox('bob');
      const bobBox = await inbox('bob');
      const ghost = writeJoinDecision(bobOut.doc, { space: 'team-3', request: '01JD0000000000000000GHOST0', decision: 'approve' });
      await waitFor(() => rejection(bobBox, ghost) !== undefined, 5000, 'refused');
      expect(rejection(bobBox, ghost)).toBe('validation.request-not-found');
      // A real request named with the wrong space is no request there either.
      const wrong = writeJoinDecision(bobOut.doc, { space: 'team-4', request: own, decision: 'approve' });
      await waitFor(() => rejection(bobBox, wrong) !== undefined, 5000, 'refused');
      expect(rejection(bobBox, wrong)).toBe('validation.request-not-found');
      expect(view(frankBox).memberships).toEqual([]);
      const refusals = async () => (await journal('rejection')).filter((r) => r.person === 'bob' || r.person === 'frank');
      await waitFor(async () => (await refusals()).length >= 3, 5000, 'refusals journalled');
    });

    it('a flood of join requests leaves one request and one notice per space, and at most five open', async () => {
      const out = await open('gus', 'outbox/gus');
      const box = await inbox('gus');
      const bobBox = await inbox('bob');
      writeAcknowledgement(out.doc, { policyVersion: 3 });
      // 50 requests to one space in one update (a probe sent 2,000; the count only costs time here),
      // then one to each of five more spaces.
      const flood: string[] = [];
      out.doc.transact(() => {
        for (let i = 0; i < 50; i++) flood.push(writeJoinRequest(out.doc, { space: 'team-5' }));
      });
      await waitFor(() => flood.every((id) => view(box).joinRequests[id] !== undefined || view(box).statuses[id] !== undefined), 30_000, 'flood judged');
      // gus facilitates media-wing too: his inbox lists others' requests there; only his own count here.
      const toBob = () => Object.values(view(bobBox).joinRequests).filter((r) => r.person === 'gus');
      await waitFor(() => toBob().length === 1, 15_000, 'one request at the facilitator');
      expect(view(bobBox).notices.filter((n) => n.about === 'gus' && n.kind === 'join-request')).toHaveLength(1);
      // Ids made in the same millisecond sort in any order: whichever was judged first waits, the rest are refused.
      expect(flood.filter((id) => view(box).joinRequests[id]?.state === 'pending')).toHaveLength(1);
      expect(new Set(flood.filter((id) => view(box).joinRequests[id] === undefined).map((id) => rejection(box, id)))).toEqual(new Set(['validation.request-pending']));

      const more = ['team-1', 'team-2', 'team-3', 'team-4', 'team-6'].map((space) => writeJoinRequest(out.doc, { space }));
      await waitFor(() => more.every((id) => view(box).joinRequests[id] !== undefined || view(box).statuses[id] !== undefined), 15_000, 'judged');
      expect(Object.values(view(box).joinRequests).filter((r) => r.person === 'gus' && r.state === 'pending')).toHaveLength(5);
      expect(more.map((id) => rejection(box, id)).filter((r) => r !== undefined)).toEqual(['validation.too-many-requests']);
      expect(toBob().filter((r) => r.state === 'pending')).toHaveLength(5);
    }, 60_000);
  });
});
