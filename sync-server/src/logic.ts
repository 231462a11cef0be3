// The relay's logic, started once the transport and storage are up: admin operations, the demo
// company in demo mode, a default policy for a relay that has none, and the publication of outbox
// entries — those stored while the relay was down included, without waiting for their authors.
import { readFile } from 'node:fs/promises';
import { parseRoomName, readPolicy, warmUp } from '@hearth/core';
import type { DocHost } from './rooms/doc-host.js';
import { attachmentGate } from './attachments/attachment-gate.js';
import type { BlobRecords } from './attachments/blob-records.js';
import type { BlobStore } from './attachments/blob-store.js';
import { sweepBlobs } from './attachments/blob-sweep.js';
import { setPolicyOp } from './admin/operations.js';
import './admin/index.js';
import './audit/hold-operations.js';
import { startAuditService, type AuditService } from './audit/audit-service.js';
import { loadDemoCompany } from './demo/demo-company.js';
import type { Fanout } from './rooms/fanout.js';
import { startModeration, type ModerationService } from './moderation/moderation-service.js';
import { createLogger, type Logger } from './log.js';
import { PublicationStore } from './publication/publication-store.js';
import { Publisher } from './publication/publisher.js';
import { migrateSpacesToBuckets } from './publication/bucket-migration.js';
import { MembershipDesk } from './publication/membership-desk.js';
import { RecognitionDesk } from './recognition/recognition-desk.js';
import type { Db } from './storage/schema.js';
import type { Leases } from './storage/leases.js';
import { startLeaseSweep } from './storage/lease-sweep.js';

export interface RelayLogicOptions {
  demo: boolean;
  logger?: Logger;
  /** The data directory: the audit key lives there. */
  dataDir: string;
  /** Compacts a room's stored log after retention (Storage.rooms.compact). */
  compact?: (room: string) => Promise<void>;
  /** How long a moderation decision waits before it is carried out (default 1500 ms). */
  moderationSettleMs?: number;
  /** A settled case file unchanged this long is unloaded (default 10 minutes). */
  caseIdleMs?: number;
  /** How often case files other processes changed are looked for in the database (moderation-service.ts). */
  caseSyncMs?: number;
  /** The other relay processes (Redis): a stored case-file change is announced to them at once. */
  fanout?: Fanout;
  /**
   * Set when several relay processes share the database: the publisher (per outbox), the moderation
   * executor (per case) and the retention sweep then take a lease before they work.
   */
  leases?: Leases;
  /** Attachment blobs: entries with files are published once their files are stored. */
  blobs?: { store: BlobStore; records: BlobRecords; graceMs?: number };
}

export interface RelayLogic {
  publisher: Publisher;
  /** The audit journal (`audit.journal.record(...)`), legal holds and retention. */
  audit: AuditService;
  /** Moderation cases (Automerge case files, `/automerge`), opened by the publisher's hooks. */
  moderation: ModerationService;
  /** True until the outboxes stored before this start have been walked once (/healthz says so). */
  catchingUp(): boolean;
  /** Deletes blobs no published item references (after the grace period, unless a legal hold keeps them). */
  sweepBlobs(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Outboxes published at once while catching up after a start (see below); fewer than the publisher's 32 lanes. */
const CATCH_UP_OUTBOXES = 28;

const DEFAULT_POLICY = new URL('../../assets/policy/default.json', import.meta.url);

export async function startRelayLogic(host: DocHost, db: Db, options: RelayLogicOptions): Promise<RelayLogic> {
  const ctx = { host, db };
  const log = options.logger ?? createLogger();
  if (options.demo && (await loadDemoCompany(ctx))) log.info('demo company loaded');
  if (!(await host.exists('policy'))) {
    const r = await setPolicyOp(ctx, { source: JSON.parse(await readFile(DEFAULT_POLICY, 'utf8')) as unknown });
    if (r.ok) log.info('default behaviour policy set');
    else log.error({ error: r.error, details: r.details }, 'default policy did not compile');
  }
  // The rules' first draft costs about 20 ms (core's warmUp): paid now, not by the first post.
  const policy = readPolicy(await host.open('policy'));
  if (policy !== null) warmUp(policy);
  const leases = options.leases === undefined ? {} : { leases: options.leases };
  // Before anything publishes: a space of the old layout is split into time buckets, once.
  const migrated = await migrateSpacesToBuckets({ host, store: new PublicationStore(db), log, ...(options.compact ? { compact: options.compact } : {}), ...leases });
  if (migrated.spaces > 0) log.info(migrated, 'bucket migration done');
  const audit = await startAuditService({ host, db, log, dataDir: options.dataDir, ...(options.compact ? { compact: options.compact } : {}), ...leases });
  const gate = options.blobs === undefined ? undefined : attachmentGate(host, options.blobs.records, Date.now);
  const moderation = await startModeration({
    ...(gate === undefined ? {} : { attachments: gate }),
    host,
    db,
    log,
    journal: audit.journal,
    ...(options.moderationSettleMs === undefined ? {} : { settleMs: options.moderationSettleMs }),
    ...(options.caseIdleMs === undefined ? {} : { caseIdleMs: options.caseIdleMs }),
    ...(options.caseSyncMs === undefined ? {} : { caseSyncMs: options.caseSyncMs }),
    ...(options.fanout === undefined ? {} : { fanout: options.fanout }),
    ...leases,
  });
  const recognition = new RecognitionDesk(host);
  await recognition.ensureSettings();
  const publisher = new Publisher({
    host,
    store: new PublicationStore(db),
    log,
    journal: audit.journal,
    memberships: new MembershipDesk({ host, db, now: Date.now }),
    onReview: (review) => moderation.onReview(review),
    onReport: (report) => moderation.onReport(report),
    recognition,
    ...leases,
    ...(gate === undefined ? {} : { attachments: gate }),
  });
  const blobs = options.blobs;
  const blobSweep = (): Promise<string[]> =>
    blobs === undefined
      ? Promise.resolve([])
      : sweepBlobs({ host, store: blobs.store, records: blobs.records, holds: audit.holds, journal: audit.journal, log, now: Date.now, graceMs: blobs.graceMs ?? 7 * 24 * 3_600_000 });
  // Hourly, like retention (whose purges are what leave most blobs unreferenced).
  const blobTimer = setInterval(() => void blobSweep().catch((err: unknown) => log.error({ err }, 'blob sweep failed')), 3_600_000);
  blobTimer.unref();
  const unsubscribe = host.onOutboxStored((person) => void publisher.schedule(person));
  // Work whose process died holding its lease, and that nobody else asked for since, is taken over.
  const sweep =
    options.leases === undefined
      ? null
      : startLeaseSweep(
          options.leases,
          {
            'outbox:': (person) => void publisher.schedule(person),
            'case:': (caseId) => void moderation.resume(caseId).catch((err: unknown) => log.error({ err, case: caseId }, 'moderation case could not be resumed')),
            retention: () => void audit.retention.sweep(),
          },
          log,
        );
  // Entries stored but not yet published (the relay stopped in between) are published now — in the
  // background, a few outboxes at a time, each pass in slices. Why not at once before listening: a
  // relay with heavy outboxes took 20 s (and with 10,000 posts 162 s) before it listened at all.
  // Why a few and not one: their writes share commits (outcome-recorder.ts, Room.relayWrite), and
  // one at a time left the relay waiting on one commit after another; why not all: the publication
  // lanes are first come, first served, and a live post must find a free lane.
  let stopped = false;
  let catchingUp = true;
  const catchUp = (async () => {
    await new Promise((resolve) => setImmediate(resolve)); // after startRelay has begun listening
    const listed = await host.listRooms('outbox/');
    // Several processes (leases) start at different places in the list, so they do not all queue
    // for the same outbox's lease one after another; one process keeps the stored order.
    const from = options.leases === undefined ? 0 : Math.floor(Math.random() * listed.length);
    const rooms = [...listed.slice(from), ...listed.slice(0, from)];
    // An outbox whose lease another process has taken since this walk began was published by that
    // process after this one started, which is all a catch-up is for: skipped. Why: otherwise every
    // process of a deployment loaded and scanned every outbox at every start (a no-op pass each),
    // and two processes spent twice the CPU of one on a catch-up.
    const { leases } = options;
    const before = leases === undefined ? null : { leases, tokens: await leases.tokens('outbox:') };
    let next = 0;
    const walker = async () => {
      while (!stopped && next < rooms.length) {
        const name = parseRoomName(rooms[next++]!);
        if (name?.kind !== 'outbox') continue;
        const lease = `outbox:${name.person}`;
        if (before !== null && (await before.leases.takenElsewhereSince(lease, before.tokens.get(lease)))) continue;
        await publisher.schedule(name.person);
      }
    };
    await Promise.all(Array.from({ length: CATCH_UP_OUTBOXES }, walker));
  })()
    .catch((err: unknown) => log.error({ err }, 'catching up on stored outboxes failed'))
    .finally(() => {
      catchingUp = false;
      if (!stopped) log.info('caught up on stored outboxes');
    });
  return {
    publisher,
    audit,
    moderation,
    catchingUp: () => catchingUp,
    sweepBlobs: blobSweep,
    stop: async () => {
      stopped = true;
      clearInterval(blobTimer);
      sweep?.stop();
      unsubscribe();
      await catchUp;
      await publisher.stop();
      await moderation.stop();
      await audit.stop();
    },
  };
}
