// Joining, leaving and deciding join requests: the three membership entries of an outbox. Why apart
// from publication: nothing is published into a space document; the relay changes who belongs
// (its membership table, projected into the space's members and the person's inbox), keeps the
// request's state (join-request-store.ts) and tells the people concerned through their inboxes.
//
// Order of work, for crash safety: validate, then the database change (membership, request state,
// "carried out" mark) in one transaction, then the idempotent document writes. A replay after a
// crash finds the mark and redoes only the document writes, so it neither judges a carried-out
// entry again (it would now read "already a member") nor repeats a change.
import {
  addNotice,
  displayName,
  removeJoinRequest,
  removeNotice,
  readSpace,
  roomName,
  setJoinRequest,
  validateEntry,
  type DirectoryRecord,
  type EntryContext,
  type EntryProblem,
  type JoinRequestView,
  type Notice,
  type NoticeKind,
  type OutboxEntry,
  type SpaceMeta,
} from '@hearth/core';
import { MembershipStore, projectMembership } from '../admin/membership-store.js';
import type { DocHost } from '../rooms/doc-host.js';
import { buildEntryContext } from './entry-context.js';
import { JoinRequestStore, viewOf, type JoinRequestRecord } from './join-request-store.js';
import type { EntryRecord } from './publication-store.js';
import type { Db } from '../storage/schema.js';

export type MembershipEntry = Extract<OutboxEntry, { type: 'join' | 'leave' | 'join-decision' }>;

export const isMembershipEntry = (entry: OutboxEntry): entry is MembershipEntry =>
  entry.type === 'join' || entry.type === 'leave' || entry.type === 'join-decision';

/** What the publisher records: refused with problems for the author, or carried out (with what to journal). */
export type MembershipOutcome =
  | { ok: false; problems: EntryProblem[] }
  | { ok: true; audit: { space: string; person: string; details: Record<string, unknown> } | null };

export interface MembershipInput {
  person: string;
  entry: MembershipEntry;
  directory: ReadonlyMap<string, DirectoryRecord>;
  record: EntryRecord | null;
}

export interface MembershipDeskOptions {
  host: DocHost;
  db: Db;
  now: () => number;
}

const joinNoticeId = (requestId: string) => `${requestId}:join-request`;

export class MembershipDesk {
  readonly requests: JoinRequestStore;
  private readonly members: MembershipStore;

  constructor(private readonly o: MembershipDeskOptions) {
    this.requests = new JoinRequestStore(o.db);
    this.members = new MembershipStore(o.db);
  }

  async handle(input: MembershipInput): Promise<MembershipOutcome> {
    const { entry } = input;
    if (entry.retracted) {
      // Withdrawing a waiting request is always allowed; a retracted leave or decision changes
      // nothing (what was carried out stays: leave by leaving, join again by joining).
      return entry.type === 'join' ? this.withdraw(input.person, entry.id) : { ok: true, audit: null };
    }
    if (entry.type === 'join-decision') return this.decide(input, entry);
    const context = await this.context(input);
    const carriedSpace = await this.requests.carriedOut(entry.id);
    const carried = carriedSpace !== null;
    // An entry's meaning is fixed once carried out: a later edit of its space changes nothing.
    if (carried && carriedSpace !== entry.space) return { ok: true, audit: null };
    if (!carried) {
      const verdict = validateEntry(entry, context);
      if (!verdict.ok) return { ok: false, problems: verdict.problems };
    }
    const meta = context.space;
    if (meta === null) return { ok: true, audit: null }; // the space is gone since it was carried out
    if (entry.type === 'leave') return this.leave(input.person, entry, meta, carried);
    return meta.visibility === 'public' ? this.joinPublic(input.person, entry, meta, carried) : this.ask(input, entry, meta, carried);
  }

  private async context(input: MembershipInput): Promise<EntryContext> {
    const { entry, person } = input;
    const context = await buildEntryContext(entry, { host: this.o.host, directory: input.directory, author: person, outboxEntries: [], record: input.record });
    context.membershipActivity = {
      pendingSpaces: await this.requests.pendingSpaces(person, entry.id),
      lastDay: await this.requests.changesLastDay(person, entry.id, this.o.now()),
    };
    return context;
  }

  private async joinPublic(person: string, entry: MembershipEntry, meta: SpaceMeta, carried: boolean): Promise<MembershipOutcome> {
    if (!carried) {
      await this.requests.transaction(async (tx) => {
        await new MembershipStore(tx).add(meta.id, person);
        await this.requests.in(tx).markCarriedOut(entry.id, person, 'join', meta.id, this.o.now());
      });
    }
    await projectMembership(this.o.host, this.members, meta.id, person);
    return { ok: true, audit: { space: meta.id, person, details: { action: 'joined' } } };
  }

  private async leave(person: string, entry: MembershipEntry, meta: SpaceMeta, carried: boolean): Promise<MembershipOutcome> {
    if (!carried) {
      await this.requests.transaction(async (tx) => {
        await new MembershipStore(tx).remove(meta.id, person);
        await this.requests.in(tx).markCarriedOut(entry.id, person, 'leave', meta.id, this.o.now());
      });
    }
    await projectMembership(this.o.host, this.members, meta.id, person);
    // Like an admin's removal: open connections to a space one may no longer read are closed.
    if (meta.visibility !== 'public') this.o.host.disconnect(roomName({ kind: 'space', space: meta.id }), person, 4403, 'no longer a member of this space');
    return { ok: true, audit: { space: meta.id, person, details: { action: 'left' } } };
  }

  /** A request to join a private space: recorded as waiting, shown to the requester and the facilitators. */
  private async ask(input: MembershipInput, entry: MembershipEntry, meta: SpaceMeta, carried: boolean): Promise<MembershipOutcome> {
    const { person } = input;
    if (!carried) {
      try {
        await this.requests.transaction(async (tx) => {
          await this.requests.in(tx).open(entry.id, person, meta.id, this.o.now());
          await this.requests.in(tx).markCarriedOut(entry.id, person, 'join', meta.id, this.o.now());
        });
      } catch {
        // The unique index: a waiting request for this space appeared since validation.
        return { ok: false, problems: [{ code: 'request-pending', message: `You already asked to join ${meta.name}. A facilitator will answer.`, field: 'space' }] };
      }
    }
    const request = await this.requests.get(entry.id);
    if (request === null) return { ok: true, audit: null };
    const requester = input.directory.get(person);
    const name = requester ? displayName(requester) : person;
    await this.showRequest(request, meta);
    if (request.state === 'pending') {
      const notice = this.notice('join-request', request, `${name} asks to join ${meta.name}.`, person);
      for (const f of meta.facilitators) {
        await this.o.host.write(roomName({ kind: 'inbox', person: f }), (doc) => addNotice(doc, { ...notice, id: joinNoticeId(request.id) }));
      }
    }
    return { ok: true, audit: { space: meta.id, person, details: { action: 'requested', request: request.id } } };
  }

  private async withdraw(person: string, requestId: string): Promise<MembershipOutcome> {
    const request = await this.requests.get(requestId);
    // A public join, a request of someone else's id, or none at all: nothing to withdraw.
    if (request === null || request.person !== person) return { ok: true, audit: null };
    if (request.state === 'pending') await this.requests.settle(requestId, 'withdrawn', null, this.o.now(), null);
    const now = (await this.requests.get(requestId)) as JoinRequestRecord;
    if (now.state !== 'withdrawn') return { ok: true, audit: null }; // decided before the withdrawal arrived
    const meta = await this.spaceMeta(now.space);
    await this.o.host.write(roomName({ kind: 'inbox', person }), (doc) => setJoinRequest(doc, viewOf(now)));
    // Facilitators have nothing left to decide: the request and its notice leave their inboxes.
    for (const f of meta?.facilitators ?? []) {
      await this.o.host.write(roomName({ kind: 'inbox', person: f }), (doc) => {
        removeJoinRequest(doc, requestId);
        removeNotice(doc, joinNoticeId(requestId));
      });
    }
    return { ok: true, audit: { space: now.space, person, details: { action: 'request-withdrawn', request: requestId } } };
  }

  private async decide(input: MembershipInput, entry: Extract<MembershipEntry, { type: 'join-decision' }>): Promise<MembershipOutcome> {
    const { person } = input;
    const context = await this.context(input);
    const stored = await this.requests.get(entry.request);
    // A decision the relay already recorded for this very entry is a replay after a crash: it reads
    // as still waiting so the same decision is carried out again (every write below is idempotent).
    const replay = stored !== null && stored.decisionEntry === entry.id;
    context.joinRequest = stored === null ? null : { id: stored.id, space: stored.space, person: stored.person, state: replay ? 'pending' : stored.state };
    const verdict = validateEntry(entry, context);
    if (!verdict.ok || stored === null || context.space === null) return { ok: false, problems: verdict.ok ? [] : verdict.problems };
    const meta = context.space;
    const approve = entry.decision === 'approve';
    if (!replay) {
      const settled = await this.requests.transaction(async (tx) => {
        const requests = this.requests.in(tx);
        if (!(await requests.settle(stored.id, approve ? 'approved' : 'declined', person, this.o.now(), entry.id))) return false;
        if (approve) await new MembershipStore(tx).add(meta.id, stored.person);
        await requests.markCarriedOut(entry.id, person, 'join-decision', meta.id, this.o.now());
        return true;
      });
      // Another facilitator decided (or the requester withdrew) between validation and now.
      if (!settled) return { ok: false, problems: [{ code: 'request-not-pending', message: 'This request was already answered or withdrawn.', field: 'request' }] };
    }
    const request = (await this.requests.get(stored.id)) as JoinRequestRecord;
    const decider = input.directory.get(person);
    const by = decider ? displayName(decider) : person;
    const notice = approve
      ? this.notice('join-approved', request, `${by} approved your request to join ${meta.name}. You are now a member.`, person)
      : this.notice('join-declined', request, `${by} declined your request to join ${meta.name}.`, person);
    // In an order a reader can rely on: the notice is there by the time the request reads decided,
    // and both by the time the membership shows (an app that sees the membership never shows the
    // request still waiting).
    await this.o.host.write(roomName({ kind: 'inbox', person: request.person }), (doc) => addNotice(doc, notice));
    await this.showRequest(request, meta);
    if (approve) await projectMembership(this.o.host, this.members, meta.id, request.person);
    return { ok: true, audit: { space: meta.id, person: request.person, details: { action: approve ? 'request-approved' : 'request-declined', request: request.id } } };
  }

  /** The request's state in the requester's inbox and in every facilitator's. */
  private async showRequest(request: JoinRequestRecord, meta: SpaceMeta): Promise<void> {
    const view: JoinRequestView = viewOf(request);
    for (const p of new Set([request.person, ...meta.facilitators])) {
      await this.o.host.write(roomName({ kind: 'inbox', person: p }), (doc) => setJoinRequest(doc, view));
    }
  }

  private notice(kind: NoticeKind, request: JoinRequestRecord, message: string, about: string): Notice {
    return { id: `${request.id}:${kind}`, kind, createdAt: this.o.now(), message, entryId: request.id, space: request.space, about, findings: [] };
  }

  private async spaceMeta(space: string): Promise<SpaceMeta | null> {
    const room = roomName({ kind: 'space', space });
    return (await this.o.host.exists(room)) ? readSpace(await this.o.host.open(room)).meta : null;
  }
}
