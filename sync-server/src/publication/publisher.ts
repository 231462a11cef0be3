// The relay's publication pipeline: an outbox entry that appears or changes is judged with the
// core (validateEntry, then evaluate with the current policy) and either published into its target
// document as the relay's own write, or held/rejected with the reasons in the author's inbox.
// Exactly once per entry version: see publication-store.ts. Nothing a hold keeps back ever reaches
// another person's document.
import {
  addConversation,
  attachmentsOf,
  addNotice,
  displayName,
  evaluate,
  initConversation,
  isEngagementEntry,
  readDirectory,
  readPolicy,
  roomName,
  scanOutbox,
  judgementOrder,
  setEntryStatus,
  validateEntry,
  type AttachmentRef,
  type DirectoryRecord,
  type DistributedPolicy,
  type Draft,
  type Notice,
  type OutboxEntry,
  type RoomName,
  type StatusFinding,
} from '@hearth/core';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { AttachmentGate } from '../attachments/attachment-gate.js';
import type { AuditEvent, AuditJournal } from '../audit/journal.js';
import { metrics } from '../metrics.js';
import type { DocHost } from '../rooms/doc-host.js';
import { buildEntryContext, spaceOf } from './entry-context.js';
import { placeEntry, publishIntoRoom } from './space-buckets.js';
import { BucketNotes } from './bucket-notes.js';
import { fingerprint } from './fingerprint.js';
import { FairLanes } from './fair-lanes.js';
import { isMembershipEntry, type MembershipDesk } from './membership-desk.js';
import { EngagementDesk } from './engagement-desk.js';
import { CourseProgressStore } from '../figures/course-progress-store.js';
import { authorNotice, findingsOfPolicy, findingsOfProblems, membershipRefusal, status } from './notices.js';
import { otherNotices } from './other-notices.js';
import { OutcomeRecorder, type Outcome as RecordedOutcome } from './outcome-recorder.js';
import { PersonQueue } from './person-queue.js';
import type { EntryRecord, Outcome, PublicationStore, RecentCounts } from './publication-store.js';
import { LeaseLost, type Lease, type Leases } from '../storage/leases.js';
import type { RecognitionDesk } from '../recognition/recognition-desk.js';

/** The audit journal records the hashes of an entry's files (never their names: they are content). */
function attachmentHashes(entry: OutboxEntry): { attachments?: string[] } {
  const files = 'attachments' in entry ? attachmentsOf(entry) : [];
  return files.length === 0 ? {} : { attachments: files.map((f) => f.hash) };
}

/**
 * Each policy with its posting-rate rules only (null: it has none), made once per policy. Why: the
 * rate is judged before the text, and judging it with the whole policy ran every rule twice per post.
 */
const rateOnlyPolicies = new WeakMap<DistributedPolicy, DistributedPolicy | null>();

/** The hold findings of the policy's posting-rate rules alone for `draft`; null when none holds. */
function postingRateHold(policy: DistributedPolicy, draft: Draft): StatusFinding[] | null {
  let rateOnly = rateOnlyPolicies.get(policy);
  if (rateOnly === undefined) {
    const rules = policy.rules.filter((r) => r.kind === 'posting-rate');
    rateOnlyPolicies.set(policy, (rateOnly = rules.length === 0 ? null : { ...policy, rules }));
  }
  if (rateOnly === null) return null;
  const { findings } = evaluate(rateOnly, draft);
  return findings.some((f) => f.severity === 'hold') ? findingsOfPolicy(findings) : null;
}

type Publishable = Extract<OutboxEntry, { type: 'post' | 'comment' | 'reaction' | 'message' | 'kudos' | 'best-of' }>;
/** Decides the outcome: recorded with its audit event (if any) when the slice ends (Pass.deferred, outcome-recorder.ts). */
type Save = (outcome: Outcome, targetRoom: string | null, publishedVersion: number | null, audit?: AuditEvent) => Promise<void>;

interface Pass {
  person: string;
  /** The outbox's lease when several relay processes share the database (null: the only one). */
  lease: Lease | null;
  directory: Map<string, DirectoryRecord>;
  policy: DistributedPolicy | null;
  entries: OutboxEntry[];
  /**
   * The publication records of the outbox's entries: read in a few statements as the pass starts,
   * read again for the entries of each later slice (the moderation executor may have changed one
   * meanwhile), and updated by the pass's own outcomes as they are decided. Why not one read per
   * entry acted on: that was a round trip per publication.
   */
  records: Map<string, EntryRecord>;
  /**
   * What the current slice decided, written when the slice ends: the outcomes in one group commit
   * (outcome-recorder.ts), the rate-limit holds' inbox changes in one relay write. Why: an outcome
   * awaited per entry made a commit of a few outcomes each (the other lanes' at most), and a bulk
   * submission held thousands of posts one durable write after another. Deferring is safe: an
   * entry's target document is written before the slice ends; a crash before the flush judges the
   * entry again, and publishing or holding the same version again is idempotent. Within the pass
   * its records (above) already say what was decided.
   */
  deferred: { outcomes: RecordedOutcome[]; inbox: Array<(doc: Y.Doc) => void>; rateHolds: number; settled: OutboxEntry[] };
  /**
   * The person's first publications in the last hour and day, per rate (the posting rate and the
   * reaction rate): read from the records once per pass (draftOf), then counted along as the pass
   * publishes (the end of publishOrHold). Why: one counting query per entry was a round trip per publication. Only this pass
   * publishes this outbox (the lease); a moderator's approval meanwhile is missed until the next pass.
   */
  recent: Map<RateClass, RecentCounts>;
  /**
   * The posting-rate counts, asked for as the pass starts (beside its records) when the newest entry
   * of the outbox is a post, comment or message: usually what the pass is for. Why: read when the
   * entry reached the rate check, they were one more round trip before every new post appeared.
   */
  postsAhead: Promise<RecentCounts> | null;
}

type RateClass = 'posts' | 'reactions';
/** Which rate a first publication counts towards (core's posting-rate and reaction-rate rules). */
function rateClassOf(entry: OutboxEntry): RateClass | null {
  if (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message') return 'posts';
  return entry.type === 'reaction' ? 'reactions' : null;
}

export interface PublisherOptions {
  host: DocHost;
  store: PublicationStore;
  log: Logger;
  now?: () => number;
  /** The audit journal: publications, holds, rejections, acknowledgements and reports. */
  journal?: AuditJournal;
  /** Called when an entry is held or flagged: the moderation work opens a case. */
  onReview?: (review: { entry: OutboxEntry; author: string; version: number; outcome: 'held' | 'flagged'; findings: StatusFinding[]; rateLimited?: boolean }) => Promise<void> | void;
  /** Joins, leaves and join decisions (membership-desk.ts). */
  memberships: MembershipDesk;
  /** Called when a person reports an item (before the report is recorded, so a replay calls again). */
  onReport?: (report: { reportId: string; reporter: string; space: string | null; target: string; reason: string; at: number }) => Promise<void> | void;
  /**
   * Several relay processes on one database: one publisher per outbox at a time, by a lease
   * (`outbox:<person>`) whose fencing token every recorded outcome checks in its transaction. A
   * process that finds the lease held tries again when it expires, so a holder that died is taken
   * over and its pending entries are published once.
   */
  leases?: Leases;
  /** Accepted answers and must-read acknowledgements (engagement-desk.ts); made from `store` when absent. */
  engagement?: EngagementDesk;
  /** Recognition and knowledge (recognition-desk.ts): kudos facts, settings entries, badges. */
  recognition?: RecognitionDesk;
  /** Attachments: an entry waits until its files are stored, and is judged on what the relay found. */
  attachments?: AttachmentGate;
}

/** Entries judged per slice, and the time a slice may take, before the lane is given up. */
const SLICE_ENTRIES = 50;
const SLICE_MS = 20;
/**
 * Passes that may run at once (each one person's); the rest wait their turn, first come first
 * served. Why 32: the passes' writes share commits (Room.relayWrite, outcome-recorder.ts), so the
 * more people are judged at once, the fewer commits per publication (on PostgreSQL 16 lanes gave
 * 830 publications/s, 32 gave 950, 64 no more: bench/relay-publications.mjs); the catch-up after a
 * start takes at most 28 of them (logic.ts), so a live post always finds a lane.
 */
const LANES = 32;

/** A failed pass is tried again after 1 s, then 2, 4, … up to a minute. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

export class Publisher {
  private readonly queue = new PersonQueue();
  private readonly lanes = new FairLanes(LANES);
  private readonly now: () => number;
  private readonly retries = new Map<string, NodeJS.Timeout>();
  /** Passes of a person that failed in a row (the backoff of the next retry). */
  private readonly failures = new Map<string, number>();
  private stopped = false;
  private directoryCache: { doc: Y.Doc; map: Map<string, DirectoryRecord> | null } | null = null;
  /**
   * People known to have acknowledged the policy (the store said so, or this process recorded it).
   * An acknowledgement is never taken back, so they are not asked about again: one statement less
   * per pass. At most one short id per person of the company.
   */
  private readonly acknowledged = new Set<string>();
  /**
   * Outbox entries this process has seen decided, in the very version it holds (core's scanOutbox
   * hands out one frozen object per entry version, so an edit is a new object, not in here): their
   * records are neither read nor compared again. Why: a pass read and compared the record of every
   * entry of the outbox, so each new post of someone with 2,000 entries read 2,000 records. An entry
   * is put here only once its outcome is committed (flushDeferred) or its record said so, and never
   * for 'waiting-acknowledgement'. Nothing undoes a decision of the same version but a new pass,
   * and the moderation executor's approvals act on documents and records, not by judging again.
   */
  private readonly settled = new WeakSet<OutboxEntry>();
  private readonly engagement: EngagementDesk;
  private readonly progress: CourseProgressStore;
  private readonly recorder: OutcomeRecorder;
  private readonly notes: BucketNotes;

  constructor(private readonly opts: PublisherOptions) {
    this.now = opts.now ?? Date.now;
    this.engagement = opts.engagement ?? new EngagementDesk({ host: opts.host, db: opts.store.db, now: () => this.now() });
    this.progress = new CourseProgressStore(opts.store.db);
    this.recorder = new OutcomeRecorder(opts.store, opts.journal);
    this.notes = new BucketNotes(opts.host, opts.log);
  }

  /** Judge and publish whatever is new in `person`'s outbox. Passes for one person never overlap. */
  schedule(person: string): Promise<void> {
    return this.queue.schedule(person, async () => {
      await this.lanes.acquire();
      try {
        await this.leasedPass(person);
        this.failures.delete(person);
      } catch (err) {
        this.opts.log.error({ err, person }, 'publication pass failed');
        // Lost lease: another process has the outbox now; try again when it is free. Any other
        // failure (the database unreachable for a moment): again after a backoff — otherwise the
        // entries already stored would wait for their author's next change or a restart.
        const failures = (this.failures.get(person) ?? 0) + 1;
        this.failures.set(person, failures);
        this.retry(person, err instanceof LeaseLost ? 0 : Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1)));
      } finally {
        this.lanes.release();
      }
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** No more passes (retries included); waits for the running ones. */
  stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.retries.values()) clearTimeout(t);
    this.retries.clear();
    return this.idle().then(() => Promise.all([this.engagement.flush(), this.notes.flush()])).then(() => undefined);
  }

  private async leasedPass(person: string): Promise<void> {
    const { leases } = this.opts;
    if (this.stopped) return;
    if (leases === undefined) return this.pass(person, null);
    const name = `outbox:${person}`;
    const lease = await leases.acquire(name);
    if (lease === null) return this.retry(person, await leases.retryIn(name));
    const renewal = setInterval(() => void lease.renew().catch(() => false), Math.max(100, leases.ttl / 3));
    renewal.unref();
    try {
      await this.pass(person, lease);
    } finally {
      clearInterval(renewal);
      await lease.release().catch(() => undefined);
    }
  }

  private async hasAcknowledged(person: string): Promise<boolean> {
    if (this.acknowledged.has(person)) return true;
    if (!(await this.opts.store.hasAcknowledged(person))) return false;
    this.acknowledged.add(person);
    return true;
  }

  /** Another pass for `person` once a lease held elsewhere is free (or lost here). */
  private retry(person: string, afterMs: number): void {
    if (this.stopped || this.retries.has(person)) return;
    const timer = setTimeout(() => {
      this.retries.delete(person);
      void this.schedule(person);
    }, afterMs + 50);
    timer.unref();
    this.retries.set(person, timer);
  }

  private async pass(person: string, lease: Lease | null): Promise<void> {
    const { host } = this.opts;
    const outbox = await host.open(roomName({ kind: 'outbox', person }));
    const scan = scanOutbox(outbox);
    for (const bad of scan.malformed) this.opts.log.warn({ person, bad }, 'malformed outbox entry skipped');
    const directory = this.directoryOf(await host.open('directory'));
    const newest = scan.entries.at(-1);
    // No entry left out of the count (''): an entry judged for its first publication has none yet.
    const postsAhead = newest !== undefined && rateClassOf(newest) === 'posts' && !newest.retracted ? this.opts.store.recentPublications(person, '', this.now(), 'posts') : null;
    postsAhead?.catch(() => undefined); // awaited where used; a pass that fails first must not leave it unhandled
    const records = await this.opts.store.getMany(scan.entries.filter((e) => !this.settled.has(e)).map((e) => e.id));
    const pass: Pass = {
      person,
      lease,
      directory,
      policy: readPolicy(await host.open('policy')),
      entries: scan.entries,
      records,
      deferred: { outcomes: [], inbox: [], rateHolds: 0, settled: [] },
      recent: new Map(),
      postsAhead,
    };
    // Acknowledgements first, and every entry after the entries of this outbox it names (outbox-order.ts).
    const ordered = judgementOrder(scan.entries);
    // In slices: a backlog of thousands gives way to other people between slices (fair-lanes.ts).
    let sliceStart = performance.now();
    try {
      for (let i = 0; i < ordered.length; i++) {
        if (i > 0 && (i % SLICE_ENTRIES === 0 || performance.now() - sliceStart > SLICE_MS)) {
          if (i % SLICE_ENTRIES === 0 || this.lanes.contended) {
            await this.flushDeferred(pass);
            await this.lanes.yield();
            await this.rereadRecords(pass, ordered.slice(i, i + SLICE_ENTRIES));
          } else {
            // Out of time with nobody waiting for a lane: only a turn of the event loop, the slice
            // goes on. Why: with every lane busy a slice's wall time passes in the others' work, and
            // ending it for nobody cost a commit and a read of the records per entry.
            await new Promise((resolve) => setImmediate(resolve));
          }
          sliceStart = performance.now();
        }
        await this.judge(pass, ordered[i]!);
      }
    } catch (err) {
      // What the slice decided before the failure is kept (judging it again would redo its writes).
      await this.flushDeferred(pass).catch(() => undefined);
      throw err;
    }
    await this.flushDeferred(pass);
  }

  /** The slice's decisions, written (Pass.deferred). */
  private async flushDeferred(pass: Pass): Promise<void> {
    const { outcomes, inbox, rateHolds, settled } = pass.deferred;
    pass.deferred = { outcomes: [], inbox: [], rateHolds: 0, settled: [] };
    if (inbox.length > 0) {
      await this.opts.host.write(roomName({ kind: 'inbox', person: pass.person }), (doc) => {
        for (const change of inbox) change(doc);
      });
    }
    metrics.holds.inc(rateHolds);
    // All handed to the recorder at once: they commit together (outcome-recorder.ts).
    await Promise.all(outcomes.map((outcome) => this.recorder.record(outcome)));
    for (const entry of settled) this.settled.add(entry);
  }

  /** The records of the entries of the next slice that may be acted on, read afresh (Pass.records). */
  private async rereadRecords(pass: Pass, entries: readonly OutboxEntry[]): Promise<void> {
    const ids = entries.filter((e) => !this.settled.has(e) && !this.unchanged(pass, e, fingerprint(e))).map((e) => e.id);
    if (ids.length === 0) return;
    const fresh = await this.opts.store.getMany(ids);
    for (const id of ids) {
      const record = fresh.get(id);
      if (record === undefined) pass.records.delete(id);
      else pass.records.set(id, record);
    }
  }

  /** Whether the pass's record of `entry` says it was judged in this very version already. */
  private unchanged(pass: Pass, entry: OutboxEntry, print: string): boolean {
    const known = pass.records.get(entry.id);
    return known !== undefined && known.owner === pass.person && known.fingerprint === print && known.outcome !== 'waiting-acknowledgement';
  }

  /** A record as this pass knows it: its own entries' from Pass.records, anyone else's from the store. */
  private recordOf(pass: Pass, id: string): Promise<EntryRecord | null> {
    const own = pass.records.get(id);
    return own !== undefined ? Promise.resolve(own) : this.opts.store.get(id);
  }

  /**
   * The directory as a map, read again only after the directory document changes. Why: reading it
   * parses every record, and a pass runs on every stored outbox update.
   */
  private directoryOf(doc: Y.Doc): Map<string, DirectoryRecord> {
    if (this.directoryCache?.doc !== doc) {
      const cache: { doc: Y.Doc; map: Map<string, DirectoryRecord> | null } = { doc, map: null };
      doc.on('update', () => {
        cache.map = null;
      });
      this.directoryCache = cache;
    }
    this.directoryCache.map ??= new Map(readDirectory(doc).map((r) => [r.id, r]));
    return this.directoryCache.map;
  }

  private async judge(pass: Pass, entry: OutboxEntry): Promise<void> {
    const { store } = this.opts;
    if (this.settled.has(entry)) return;
    const print = fingerprint(entry);
    if (this.unchanged(pass, entry, print)) {
      this.settled.add(entry);
      return;
    }
    const record = pass.records.get(entry.id) ?? null;
    if (record !== null && record.owner !== pass.person) {
      this.opts.log.warn({ person: pass.person, entry: entry.id, owner: record.owner }, 'entry id already used by another person');
      return;
    }
    const unchanged = record !== null && record.fingerprint === print;
    if (unchanged && record.outcome !== 'waiting-acknowledgement') return;
    const version = record === null ? 1 : unchanged ? record.version : record.version + 1;
    const save: Save = (outcome, targetRoom, publishedVersion, audit) => {
      const decided: EntryRecord = {
        entryId: entry.id,
        owner: pass.person,
        fingerprint: print,
        version,
        outcome,
        targetRoom,
        publishedVersion,
        entryType: record?.entryType ?? (publishedVersion !== null ? entry.type : null),
        updatedAt: this.now(),
      };
      pass.deferred.outcomes.push({ lease: pass.lease, record: decided, ...(audit === undefined ? {} : { audit }) });
      // Waiting for the acknowledgement is no decision: the entry is judged again once it comes.
      if (outcome !== 'waiting-acknowledgement') pass.deferred.settled.push(entry);
      pass.records.set(entry.id, decided);
      return Promise.resolve();
    };
    const event = (kind: AuditEvent['kind'], details: Record<string, unknown>): AuditEvent =>
      ({ kind, actor: pass.person, person: pass.person, space: spaceOf(entry), entry: entry.id, details: { type: entry.type, version, contentHash: print, ...attachmentHashes(entry), ...details } });

    if (isMembershipEntry(entry)) {
      const outcome = await this.opts.memberships.handle({ person: pass.person, entry, directory: pass.directory, record });
      if (!outcome.ok) {
        const notice = membershipRefusal(entry, version, outcome.problems, this.now());
        await this.opts.host.write(roomName({ kind: 'inbox', person: pass.person }), (doc) => {
          setEntryStatus(doc, status(entry, 'rejected', version, notice.findings, notice.createdAt));
          addNotice(doc, notice);
        });
        metrics.rejections.inc();
        return save('rejected', null, null, event('rejection', { rules: outcome.problems.map((p) => p.code) }));
      }
      // The status tells the person's app the relay has answered, so it stops showing its own guess.
      await this.opts.host.write(roomName({ kind: 'inbox', person: pass.person }), (doc) => setEntryStatus(doc, status(entry, 'published', version, [], this.now())));
      const { audit } = outcome;
      return save('recorded', null, null, audit === null ? undefined : { ...event('membership', audit.details), space: audit.space, person: audit.person });
    }
    const context = await buildEntryContext(entry, { host: this.opts.host, directory: pass.directory, author: pass.person, outboxEntries: pass.entries, record, recordOf: (id) => this.recordOf(pass, id), now: this.now });
    // An acknowledgement must name the policy in force (core's checkAcknowledgement).
    const engagement = isEngagementEntry(entry) && this.opts.recognition ? { engagement: await this.opts.recognition.context(pass.person, entry.id) } : {};
    const validation = validateEntry(entry, { ...context, policyVersion: pass.policy?.version ?? null, ...engagement });
    if (!validation.ok) {
      await this.tellAuthor(pass.person, entry, version, 'rejected', findingsOfProblems(validation.problems));
      metrics.rejections.inc();
      return save('rejected', record?.targetRoom ?? null, record?.publishedVersion ?? null, event('rejection', { rules: validation.problems.map((p) => p.code) }));
    }
    switch (entry.type) {
      case 'ack':
        await store.recordAcknowledgement(pass.person, entry.policyVersion, entry.id, this.now());
        this.acknowledged.add(pass.person);
        await this.opts.recognition?.afterAcknowledgement(pass.person, pass.directory);
        return save('recorded', null, null, event('acknowledgement', { policyVersion: entry.policyVersion }));
      case 'report':
        await this.opts.onReport?.({ reportId: entry.id, reporter: pass.person, space: entry.space, target: entry.target, reason: entry.reason, at: Math.min(entry.createdAt, this.now()) });
        await store.recordReport(entry.id, pass.person, entry.space, entry.target, entry.reason, this.now());
        return save('recorded', null, null, { ...event('report', { target: entry.target }), space: entry.space });
      case 'accept-answer':
      case 'read-ack':
        // The engagement desk reads the records of the items named from the store itself.
        await this.flushDeferred(pass);
        await this.engagement.handle({ person: pass.person, entry, version, directory: pass.directory });
        // The accepted comment's author (from the relay's own space document, checked above) earns a badge.
        if (entry.type === 'accept-answer' && !entry.retracted && context.targetComment !== null) {
          await this.opts.recognition?.award(context.targetComment.authorId, 'first-accepted-answer', null, pass.directory);
        }
        // publishedVersion set: a later retraction is checked as the same person's, in the same place.
        return save('recorded', roomName({ kind: 'space', space: entry.space }), version);
      case 'bookmark':
        // Private to the person: recorded so it is not judged again, written nowhere, not journaled.
        return save('recorded', null, null);
      case 'kudos-consent':
      case 'leaderboard':
        await this.opts.recognition?.record(pass.person, entry);
        return save('recorded', null, null);
      case 'module-done':
        // Recorded, never published: only the figures' aggregate (five-person rule) shows anyone else.
        await this.progress.put({ entryId: entry.id, person: pass.person, space: entry.space, module: entry.post, done: !entry.retracted, at: this.now() });
        await this.opts.host.write(roomName({ kind: 'inbox', person: pass.person }), (doc) => setEntryStatus(doc, status(entry, 'published', version, [], this.now())));
        return save('recorded', roomName({ kind: 'space', space: entry.space }), version);
      default:
        return this.publishOrHold(pass, entry, version, record, save, event);
    }
  }

  private async publishOrHold(
    pass: Pass,
    entry: Publishable,
    version: number,
    record: EntryRecord | null,
    save: Save,
    event: (kind: AuditEvent['kind'], details: Record<string, unknown>) => AuditEvent,
  ): Promise<void> {
    const rules = (findings: StatusFinding[]) => findings.map((f) => f.rule);
    const { host } = this.opts;
    const previousRoom = record?.targetRoom ?? null;
    const previousVersion = record?.publishedVersion ?? null;
    // Files first: an entry whose files have not all reached the relay stays unjudged (pending for
    // its author) and is judged again when an upload completes (attachment-gate.ts).
    let files: AttachmentRef[] = [];
    if (!entry.retracted && attachmentsOf(entry).length > 0) {
      if (this.opts.attachments === undefined) return; // a relay without blob storage publishes no files
      const checked = await this.opts.attachments.check(pass.person, attachmentsOf(entry));
      if (!checked.ok && checked.refused.length > 0) {
        const finding: StatusFinding = { rule: 'attachments.refused', severity: 'reject', message: checked.refused[0]!.reason, guidance: 'Remove the file, or attach one the relay accepts, and write it again.' };
        await this.tellAuthor(pass.person, entry, version, 'rejected', [finding]);
        return save('rejected', previousRoom, previousVersion, event('rejection', { rules: [finding.rule], attachments: checked.refused.map((r) => r.hash) }));
      }
      if (!checked.ok) return;
      files = checked.checked;
    }
    const withFiles: Publishable = files.length > 0 && (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message') ? { ...entry, attachments: files } : entry;
    // A retraction is always allowed; everything else waits for the policy acknowledgement — except
    // a facilitator's best-of pick, which carries no text of its own (the post was judged already).
    if (!entry.retracted && entry.type !== 'best-of' && !(await this.hasAcknowledged(pass.person))) {
      await this.tellAuthor(pass.person, entry, version, 'waiting-acknowledgement', []);
      return save('waiting-acknowledgement', previousRoom, previousVersion);
    }
    let flagged: StatusFinding[] | null = null;
    const draft = await this.draftOf(pass, withFiles, previousVersion);
    if (draft !== null && !(pass.policy === null && entry.type === 'reaction')) {
      if (pass.policy === null) {
        // No policy at all means the relay was never configured: hold rather than publish unjudged.
        const finding: StatusFinding = { rule: 'relay.no-policy', severity: 'hold', message: 'The relay has no behaviour policy yet.', guidance: 'Ask your administrator to set one.' };
        await this.hold(pass.person, entry, version, [finding]);
        return save('held', previousRoom, previousVersion, event('hold', { rules: [finding.rule] }));
      }
      // The rate first, on an empty text: a person past it (a bulk submission) is held without the
      // cost of judging their text, and their holds share one case (case-opener.ts).
      if (previousVersion === null) {
        const rate = postingRateHold(pass.policy, { ...draft, title: '', body: '' });
        if (rate !== null) {
          const now = this.now();
          pass.deferred.inbox.push((doc) => {
            setEntryStatus(doc, status(entry, 'held', version, rate, now));
            addNotice(doc, authorNotice('held', entry, version, rate, now));
          });
          const audit = event('hold', { rules: rules(rate), policyVersion: pass.policy.version });
          pass.deferred.rateHolds++;
          await save('held', previousRoom, previousVersion, audit);
          // Opens the person's one case of the day the first time; later holds only join it.
          await this.opts.onReview?.({ entry, author: pass.person, version, outcome: 'held', findings: rate, rateLimited: true });
          return;
        }
      }
      const verdict = evaluate(pass.policy, draft);
      const findings = findingsOfPolicy(verdict.findings);
      if (verdict.action === 'hold') {
        // Moderators deciding the case may read its files (attachment-gate.ts, REVIEW_PREFIX).
        if (files.length > 0 && (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message')) {
          const room = entry.type === 'message' ? `dm/${entry.conversation}` : `space/${entry.space}`;
          await this.opts.attachments?.underReview(room, entry.id, files.map((f) => f.hash));
        }
        // The case shows the files as the relay found them (withFiles), not as the client described them.
        await this.hold(pass.person, withFiles, version, findings);
        return save('held', previousRoom, previousVersion, event('hold', { rules: rules(findings), policyVersion: pass.policy.version }));
      }
      if (verdict.action === 'reject') {
        await this.tellAuthor(pass.person, entry, version, 'rejected', findings);
        metrics.rejections.inc();
        return save('rejected', previousRoom, previousVersion, event('rejection', { rules: rules(findings), policyVersion: pass.policy.version }));
      }
      if (verdict.action === 'flag') flagged = findings;
    }
    const target = await this.targetRoom(pass, entry, record);
    const room = roomName(target);
    // The files' references first: a reader who sees the item can fetch its files at once (recorded
    // after, a reader could be refused an image shown in a post it can read). A reference whose item
    // is then not published grants nothing: blob-access.ts checks the item in the room.
    if (files.length > 0) await this.opts.attachments?.referenced(room, entry.id, files.map((f) => f.hash));
    const result = await publishIntoRoom(host, target, { author: pass.person, entry: withFiles, version, publishedAt: this.now() }, this.notes);
    if (!result.ok) {
      const finding: StatusFinding = { rule: `publication.${result.error}`, severity: 'reject', message: 'This item cannot be published where it is addressed.', guidance: 'Write it again as a new item.' };
      await this.tellAuthor(pass.person, entry, version, 'rejected', [finding]);
      metrics.rejections.inc();
      return save('rejected', previousRoom, previousVersion, event('rejection', { rules: [finding.rule] }));
    }
    // The published item itself tells the author's app it is published (the overlay compares
    // content), so the inbox needs a status only to replace an earlier one or to carry flag findings.
    // Skipping it saves a durable write on the hot path of every post.
    if (flagged !== null || (record !== null && record.outcome !== 'published')) {
      const now = this.now();
      await host.write(roomName({ kind: 'inbox', person: pass.person }), (doc) => {
        setEntryStatus(doc, status(entry, 'published', version, flagged ?? [], now));
        // A flagged author is told why, with the rule's guidance, not only the moderators.
        if (flagged !== null) addNotice(doc, authorNotice('flagged', entry, version, flagged, now));
      });
    }
    metrics.publications.inc();
    if (flagged !== null) await this.opts.onReview?.({ entry, author: pass.person, version, outcome: 'flagged', findings: flagged });
    if (previousVersion === null && !entry.retracted) await this.tellOthers(pass, entry);
    // A must-read announcement's reach starts at 0 of its audience (and follows a title edit).
    if (entry.type === 'post' && entry.mustRead === true && !entry.retracted) await this.engagement.updateReach(entry.space, entry.id, pass.directory, room);
    // Its readers are asked to read it once, on first publication (an edit asks nobody again), in
    // slices that give the lane to others (the audience may be the whole company).
    if (entry.type === 'post' && entry.mustRead === true && !entry.retracted && previousVersion === null) {
      await this.engagement.askToRead(entry.space, entry.id, pass.directory, room, () => this.lanes.yield());
    }
    await this.opts.recognition?.afterPublication(pass.person, entry, pass.directory);
    await save('published', room, version, event('publication', { room, retracted: entry.retracted, flagged: flagged === null ? [] : rules(flagged) }));
    // A first publication counts towards the person's rate from now on (Pass.recent).
    const rate = rateClassOf(entry);
    const counts = rate === null ? undefined : pass.recent.get(rate);
    if (previousVersion === null && counts !== undefined) {
      counts.lastHour++;
      counts.lastDay++;
    }
  }

  /**
   * What the policy judges of an entry, null when nothing: a withdrawal, or an edit of a reaction.
   * The rates count first publications only (an edit of a published item is no new post), from the
   * relay's own records.
   */
  private async draftOf(pass: Pass, entry: Publishable, previousVersion: number | null): Promise<Draft | null> {
    if (entry.retracted) return null;
    const first = previousVersion === null;
    const recent = async (of: RateClass) => {
      let counts = pass.recent.get(of);
      if (counts === undefined) {
        const ahead = of === 'posts' ? pass.postsAhead : null;
        pass.recent.set(of, (counts = await (ahead ?? this.opts.store.recentPublications(pass.person, entry.id, this.now(), of))));
      }
      return { ...counts };
    };
    if (entry.type === 'reaction') return first ? { body: '', space: entry.space, recentReactions: await recent('reactions') } : null;
    if (entry.type === 'best-of') return null; // no text of its own: the post was judged when published
    if (entry.type === 'kudos') return { body: entry.message, space: entry.space }; // its own daily limit, not the posting rate
    const draft: Draft = entry.type === 'post' ? { title: entry.title, body: entry.body, space: entry.space } : { body: entry.body, space: spaceOf(entry) };
    const files = attachmentsOf(entry);
    if (files.length > 0) draft.attachments = files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: f.bytes }));
    if (first) draft.recent = await recent('posts');
    return draft;
  }

  /**
   * The room an entry is published into: a time bucket of its space, chosen by core's
   * publicationRoom from the relay's records (space-buckets.ts); a message that starts a
   * conversation creates it.
   */
  private async targetRoom(pass: Pass, entry: Publishable, record: EntryRecord | null): Promise<RoomName> {
    const { person } = pass;
    const placed = await placeEntry(entry, this.now(), (id) => this.recordOf(pass, id), record);
    if (placed === null) throw new Error(`no room to publish a ${entry.type} into`);
    if (placed.kind !== 'dm' || entry.type !== 'message') return placed;
    const room = roomName(placed);
    if (entry.to !== null && !(await this.opts.host.exists(room))) {
      const participants = [...new Set([person, ...entry.to])].sort();
      const createdAt = Math.min(entry.createdAt, this.now()); // never later than now: see relay-publish.ts
      await this.opts.host.write(room, (doc) => initConversation(doc, { id: entry.conversation, participants, createdAt }));
      for (const p of participants) {
        await this.opts.host.write(roomName({ kind: 'inbox', person: p }), (doc) =>
          addConversation(doc, { id: entry.conversation, participants, createdAt }),
        );
      }
    }
    return placed;
  }

  /** The recipient of a kudos hears of it once (the kudos itself is on their page). */
  private async tellRecipient(pass: Pass, entry: Extract<Publishable, { type: 'kudos' }>): Promise<void> {
    const giver = pass.directory.get(pass.person);
    const notice: Notice = {
      id: `${entry.id}:kudos`,
      kind: 'kudos',
      createdAt: this.now(),
      message: `${giver ? displayName(giver) : pass.person} gave you kudos.`,
      entryId: entry.id,
      space: entry.space,
      about: pass.person,
      findings: [],
    };
    await this.opts.host.write(roomName({ kind: 'inbox', person: entry.to }), (doc) => addNotice(doc, notice));
  }

  private async hold(person: string, entry: OutboxEntry, version: number, findings: StatusFinding[]): Promise<void> {
    await this.tellAuthor(person, entry, version, 'held', findings);
    metrics.holds.inc();
    await this.opts.onReview?.({ entry, author: person, version, outcome: 'held', findings });
  }

  private async tellAuthor(person: string, entry: OutboxEntry, version: number, kind: 'held' | 'rejected' | 'waiting-acknowledgement', findings: StatusFinding[]): Promise<void> {
    const now = this.now();
    await this.opts.host.write(roomName({ kind: 'inbox', person }), (doc) => {
      setEntryStatus(doc, status(entry, kind, version, findings, now));
      addNotice(doc, authorNotice(kind, entry, version, findings, now));
    });
  }

  /**
   * Mentions, replies, reactions and direct messages reach the people concerned, once per entry, if
   * they may read where it is (other-notices.ts).
   */
  private async tellOthers(pass: Pass, entry: Publishable): Promise<void> {
    if (entry.type === 'best-of') return;
    if (entry.type === 'kudos') return this.tellRecipient(pass, entry);
    const nameOf = (p: string) => {
      const record = pass.directory.get(p);
      return record ? displayName(record) : p;
    };
    const context = await buildEntryContext(entry, { host: this.opts.host, directory: pass.directory, author: pass.person, outboxEntries: [], record: null, recordOf: (id) => this.recordOf(pass, id) });
    const writes = otherNotices({ entry, author: pass.person, authorName: nameOf(pass.person), nameOf, directory: pass.directory, policy: pass.policy, context, now: this.now() });
    for (const { person, write } of writes) await this.opts.host.write(roomName({ kind: 'inbox', person }), write);
  }
}
