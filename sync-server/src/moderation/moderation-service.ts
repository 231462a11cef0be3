// Moderation cases on the relay, wired together: an automerge-repo Repo whose storage is the
// relay's database (case-storage.ts) and whose only network is the authenticated `/automerge`
// sockets (case-network.ts, screened by change-check.ts: only additions of one's own decisions and
// notes); the opener the publication pipeline calls; the executor that carries decisions out. Who
// sees what is the repo's share config, from case-permissions.ts: a moderator gets every case file,
// a facilitator those of the spaces they facilitate, anyone else nothing — the relay neither
// announces nor serves another document to them, and refuses their changes to it. A refused change
// is logged and journaled (`case-change-refused`).
import type { AttachmentGate } from '../attachments/attachment-gate.js';
import type { DocHandle, DocumentId, PeerId } from '@automerge/automerge-repo';
import { Repo } from '@automerge/automerge-repo';
import type { WebSocket } from 'ws';
import { readInbox, roomName, type ModerationCase } from '@hearth/core';
import type { AuditJournal } from '../audit/journal.js';
import type { Logger } from '../log.js';
import { PublicationStore } from '../publication/publication-store.js';
import type { DocHost } from '../rooms/doc-host.js';
import { changeCheck } from './change-check.js';
import { CaseExecutor } from './case-executor.js';
import { casePermissions } from './case-permissions.js';
import { CaseNetworkAdapter } from './case-network.js';
import { CaseOpener, type ReportEvent, type ReviewEvent } from './case-opener.js';
import { CaseStore, type CaseRow } from './case-store.js';
import { SqlCaseStorage } from './case-storage.js';
import { CASE_FILES_CHANNEL, CaseSync } from './case-sync.js';
import type { Fanout, FanoutReceiver } from '../rooms/fanout.js';
import type { Db } from '../storage/schema.js';
import type { Leases } from '../storage/leases.js';

export interface ModerationOptions {
  host: DocHost;
  db: Db;
  log: Logger;
  journal?: AuditJournal;
  now?: () => number;
  /** How long a decision waits on the relay before it is carried out (default 1500 ms). */
  settleMs?: number;
  /** Several relay processes on one database: see CaseExecutorOptions.leases. */
  leases?: Leases;
  /**
   * A settled case file (every decision carried out) unchanged this long is unloaded; it is loaded
   * again when a moderator's device asks for it or a report joins it. Default 10 minutes.
   */
  caseIdleMs?: number;
  /** Approving a held item with files publishes the relay's facts of them (attachments/attachment-gate.ts). */
  attachments?: AttachmentGate;
  /**
   * How often this process looks for case files other relay processes opened or changed
   * (case-sync.ts). Default 1 s; 10 s with a fan-out, which announces every stored change at once
   * (the look in the database then only makes good what the bus lost).
   */
  caseSyncMs?: number;
  /** The other relay processes (Redis): each stored case-file change is announced to them. */
  fanout?: Fanout;
}

export interface ModerationService {
  /** Publisher hooks: a hold or flag, and a report, open (or join) a case. */
  onReview(review: ReviewEvent): Promise<void>;
  onReport(report: ReportEvent): Promise<void>;
  /** Whether `person` may open `/automerge` at all: active moderators and facilitators. */
  mayConnect(person: string): Promise<boolean>;
  /** Decides again which connected peer may see which case (after a directory change). */
  recheckAccess(): void;
  /** Hands an authenticated socket of `person` to the repo. */
  accept(ws: WebSocket, person: string, early: Uint8Array[]): void;
  /** The case rows (for tests and tools). */
  readonly store: CaseStore;
  /** The relay's copy of a case file, as plain data, or null. */
  read(caseId: string): ModerationCase | null;
  /**
   * Evaluates a case again from its stored file (loaded if this process does not hold it): the
   * lease sweep hands over a case whose evaluating process died (storage/lease-sweep.ts).
   */
  resume(caseId: string): Promise<void>;
  /** Case files held in memory (open cases, and settled ones used within `caseIdleMs`). */
  loadedCases(): number;
  /** Resolves when opening and carrying out have caught up. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startModeration(o: ModerationOptions): Promise<ModerationService> {
  const now = o.now ?? Date.now;
  const store = new CaseStore(o.db);
  const publications = new PublicationStore(o.db);
  const permissions = casePermissions(o.host);
  let repo: Repo | null = null;
  // The case files' document ids, for the synchronous screen of incoming changes: filled from the
  // table at start, by the opener, and by every access check (a case another process opened).
  const caseDocuments = new Set<string>();
  const network = new CaseNetworkAdapter(
    changeCheck({
      docOf: (id) => {
        if (!caseDocuments.has(id)) return undefined;
        const handle = repo?.handles[id];
        return handle?.isReady() === true ? handle.doc() : null;
      },
      onActor: (actor, person) => void store.noteActor(actor, person, now()).catch((err: unknown) => o.log.error({ err, actor }, 'case actor not recorded')),
    }),
    o.log,
    (who, documentId, reason) =>
      void (async () => {
        const row = documentId === null ? null : await store.byDocumentId(documentId);
        o.log.warn({ person: who, case: row?.caseId ?? null, document: documentId, reason }, 'case file change refused');
        if (row === null) return;
        await o.journal?.record({
          kind: 'case-change-refused',
          actor: who,
          space: row.space,
          person: row.author,
          entry: row.entryId,
          details: { case: row.caseId, reason },
        });
      })().catch((err: unknown) => o.log.error({ err }, 'refused case change not journaled')),
    {
      unloaded: (id) => caseDocuments.has(id) && repo?.handles[id as DocumentId]?.isReady() !== true,
      load: async (id, person) => {
        const row = await store.byDocumentId(id);
        if (row === null || !(await permissions.mayAct(person, row.space)).ok) return;
        await store.markUnsettled(row.caseId); // before the change is taken in (CaseStore.markUnsettled)
        await watchAgain(row);
      },
    },
  );

  const access = async (peerId: PeerId, documentId?: DocumentId): Promise<boolean> => {
    const who = network.personOf(peerId);
    const row = documentId === undefined ? null : await store.byDocumentId(documentId);
    if (who === null || row === null) return false;
    caseDocuments.add(row.documentId);
    const may = (await permissions.mayAct(who, row.space)).ok;
    // A case file asked for after it was unloaded (settled and idle) is loaded by the repo to
    // answer; the executor watches it again, so a new decision on it is carried out.
    if (may && !executor.watching(row.caseId)) {
      // Marked before the change is taken in (see CaseStore.markUnsettled), then watched.
      await store.markUnsettled(row.caseId);
      void watchAgain(row);
    }
    return may;
  };
  /** Loads a case file this process does not watch (unloaded here, or opened by another process) and watches it. */
  const watchAgain = async (row: CaseRow): Promise<void> => {
    try {
      const handle = (await repo!.find<ModerationCase>(row.documentId as DocumentId)) as DocHandle<ModerationCase>;
      if (!stopped && !executor.watching(row.caseId)) executor.watch(handle, row);
    } catch (err) {
      o.log.warn({ err, case: row.caseId }, 'moderation case file could not be loaded again');
    }
  };
  let stopped = false;

  // A stored change, and a case just opened, are announced to the other processes, which merge that
  // case file from the database at once (CaseSync.nudge) instead of at their next look.
  const fanout = o.fanout;
  const announce = fanout === undefined ? undefined : (documentId: string) => fanout.publishUpdate(CASE_FILES_CHANNEL, new TextEncoder().encode(documentId));
  const caseStorage = new SqlCaseStorage(o.db, announce);
  repo = new Repo({
    storage: caseStorage,
    network: [network],
    peerId: 'hearth-relay' as PeerId,
    isEphemeral: false,
    shareConfig: { announce: access, access },
    saveDebounceRate: 20,
  });
  const executor = new CaseExecutor({ host: o.host, store, publications, permissions, journal: o.journal, log: o.log, now, settleMs: o.settleMs ?? 1500, ...(o.leases === undefined ? {} : { leases: o.leases }), ...(o.attachments === undefined ? {} : { attachments: o.attachments }) });
  const opener = new CaseOpener({ repo, store, publications, host: o.host, log: o.log, now, opened: (handle, row) => {
    caseDocuments.add(row.documentId);
    executor.watch(handle, row);
    // Its chunks were announced before its row existed (case-opener.ts stores the file first).
    announce?.(row.documentId);
  } });

  // Every unsettled case file is loaded, watched and announced: decisions made while the relay was
  // down (or recorded but not carried out before it stopped) are carried out now. Settled ones
  // (marked as they were unloaded, below) stay on disk until a moderator acts on one again: a
  // relay that has run for years starts with its open cases, not with every case it ever had.
  for (const row of await store.unsettled()) {
    caseDocuments.add(row.documentId);
    try {
      if (row.item === null) await recordItem(row);
      const handle = await repo.find<ModerationCase>(row.documentId as DocumentId);
      executor.watch(handle as DocHandle<ModerationCase>, row);
    } catch (err) {
      o.log.error({ err, case: row.caseId }, 'moderation case file could not be loaded');
    }
  }

  // Settled case files are not all kept in memory: unloaded once idle, loaded again on demand.
  const caseIdleMs = o.caseIdleMs ?? 10 * 60_000;
  let unloading = false;
  const unloader = setInterval(() => {
    if (unloading || stopped) return;
    unloading = true;
    void (async () => {
      for (const row of await executor.release(caseIdleMs)) {
        await store.markSettled(row.caseId, now());
        // A moderator acted on it while it was being marked: it is watched again, so it stays.
        if (executor.watching(row.caseId)) {
          await store.markUnsettled(row.caseId);
          continue;
        }
        await repo!.removeFromCache(row.documentId as DocumentId);
      }
    })()
      .catch((err: unknown) => o.log.warn({ err }, 'unloading idle case files failed'))
      .finally(() => (unloading = false));
  }, Math.max(250, Math.min(caseIdleMs / 2, 60_000)));
  unloader.unref();

  // Case files opened or changed through other relay processes (one database, several processes).
  const sync = new CaseSync({
    repo,
    store,
    storage: caseStorage,
    watching: (caseId) => executor.watching(caseId),
    adopt: async (row) => {
      // Being unloaded right now (settled here): the next tick sees whether it is still unsettled.
      if (unloading) return;
      caseDocuments.add(row.documentId);
      await watchAgain(row);
    },
    log: o.log,
  });
  // Only a shared database can have several relay processes (they are given leases then): a single
  // process holds every case file it has, and pays nothing for this.
  const syncTimer = o.leases === undefined ? undefined : setInterval(() => void (stopped ? undefined : sync.tick()), o.caseSyncMs ?? (o.fanout === undefined ? 1000 : 10_000));
  syncTimer?.unref();
  const announcements: FanoutReceiver = {
    update: (payload) => void (stopped ? undefined : sync.nudge(new TextDecoder().decode(payload))),
    awareness: () => undefined,
    // Announcements may have been lost (Redis was away): one full look.
    resync: () => void (stopped ? undefined : sync.tick()),
  };
  if (o.leases !== undefined) await o.fanout?.join(CASE_FILES_CHANNEL, announcements);

  /** A row from before the relay recorded the item: filled from its own records, never from the case file. */
  async function recordItem(row: CaseRow): Promise<void> {
    const item = await opener.recordedItem(row);
    if (item === null) {
      o.log.warn({ case: row.caseId }, 'moderation case: the relay has no record of its item; decisions on it will fail');
      return;
    }
    const findings = readInbox(await o.host.open(roomName({ kind: 'inbox', person: row.author }))).statuses[row.entryId]?.findings ?? [];
    await store.setItem(row.caseId, item, findings);
    row.item = item;
    row.findings = findings;
  }

  const r = repo;
  return {
    store,
    read: (caseId) => {
      // The loaded case files, found by the id each one carries (no database read: tests poll this).
      for (const handle of Object.values(r.handles)) {
        if (!handle.isReady()) continue;
        const doc = handle.doc() as ModerationCase | undefined;
        if (doc?.id === caseId) return JSON.parse(JSON.stringify(doc)) as ModerationCase;
      }
      return null;
    },
    resume: async (caseId) => {
      const row = await store.get(caseId);
      if (row === null) return;
      caseDocuments.add(row.documentId);
      executor.watch((await r.find<ModerationCase>(row.documentId as DocumentId)) as DocHandle<ModerationCase>, row);
    },
    onReview: (review) => opener.review(review),
    onReport: (report) => opener.report(report),
    mayConnect: (id) => permissions.mayConnect(id),
    accept: (ws, id, early) => network.accept(ws, id, early),
    recheckAccess: () => r.shareConfigChanged(),
    loadedCases: () => Object.keys(r.handles).length,
    idle: async () => {
      await opener.idle();
      await executor.idle();
    },
    stop: async () => {
      stopped = true;
      clearInterval(unloader);
      clearInterval(syncTimer);
      o.fanout?.leave(CASE_FILES_CHANNEL, announcements);
      network.disconnect();
      await opener.idle();
      await executor.stop();
      await r.flush();
      await r.shutdown();
    },
  };
}
