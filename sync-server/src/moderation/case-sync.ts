// Keeps this relay process's copies of the moderation case files in step with what other processes
// stored. Why: several relay processes share one database, but each holds the case files it serves in
// its own automerge-repo, in memory. Without this, a case opened on process A was never announced to a
// moderator connected to process B, and a decision written through A never reached B's copy (B's
// moderators saw the case still open, and could decide it again). Every tick:
//   1. every unsettled case (case_documents) this process does not watch yet is loaded and watched,
//      so the repo announces it to the permitted moderators connected here;
//   2. every case file this process holds whose stored chunks changed since the last look is loaded
//      from storage and merged into the copy in memory (an Automerge merge: idempotent, and a change
//      this process stored itself merges to nothing). The merged change reaches the connected
//      moderators through the repo, and the executor, which watches the handle, evaluates it (the case
//      lease and the execution records keep carrying out once-only across processes).
// With a fan-out (Redis), each process also announces every case-file chunk it stored on
// CASE_FILES_CHANNEL; the others merge that one case file at once (`nudge`), and the look above runs
// only every 10 s, to make good what the bus lost.
// What other processes stored was screened by their change-check before it was stored.
import * as A from '@automerge/automerge';
import type { DocumentId, Repo } from '@automerge/automerge-repo';
import type { ModerationCase } from '@hearth/core';
import type { Logger } from '../log.js';
import type { CaseRow, CaseStore } from './case-store.js';
import type { SqlCaseStorage } from './case-storage.js';

export interface CaseSyncOptions {
  repo: Repo;
  store: CaseStore;
  storage: SqlCaseStorage;
  /** Whether the executor watches the case already. */
  watching(caseId: string): boolean;
  /** Loads and watches a case this process does not hold. */
  adopt(row: CaseRow): Promise<void>;
  log: Logger;
}

/**
 * The fan-out channel of case-file announcements (payload: the document id). Not a Yjs room: no
 * client can name it (it is no room name core's parseRoomName accepts), so none can join or write it.
 */
export const CASE_FILES_CHANNEL = 'case-files';

/** An announced case file is merged at most this often (the changes meanwhile are merged together). */
const MERGE_INTERVAL_MS = 100;

export class CaseSync {
  /** document id → its stored chunk keys at the last look, joined. */
  private readonly seen = new Map<string, string>();
  private running = false;
  /** A look was asked for while one ran: it runs again when that one ends (what it read may predate the ask). */
  private again = false;
  /** Announced case files waiting to be merged (a burst of chunks of one file merges it once). */
  private readonly nudged = new Set<string>();
  /** When each announced case file was last merged (performance.now()). */
  private readonly lastMerge = new Map<string, number>();

  constructor(private readonly o: CaseSyncOptions) {}

  /**
   * Another process stored a chunk of `documentId`: the copy here, if any, is merged from storage
   * now; a case file not held here (a case just opened elsewhere) is found by a full look.
   */
  nudge(documentId: string): void {
    if (this.nudged.has(documentId)) return;
    this.nudged.add(documentId);
    // At most one merge per file every MERGE_INTERVAL_MS: a modified client changing a case as fast
    // as the relay stores it must not make every other process reload the file as often.
    const last = this.lastMerge.get(documentId);
    const wait = last === undefined ? 0 : Math.max(0, last + MERGE_INTERVAL_MS - performance.now());
    setTimeout(() => {
      this.nudged.delete(documentId);
      this.lastMerge.set(documentId, performance.now());
      const handle = this.o.repo.handles[documentId as DocumentId];
      if (handle === undefined) return void this.tick();
      void this.merge(documentId).catch((err: unknown) => this.o.log.warn({ err, document: documentId }, 'announced case file not merged'));
    }, wait).unref();
  }

  /** One look at the database; a call while one runs makes it run once more when it ends. */
  async tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      for (const row of await this.o.store.unsettled()) {
        if (!this.o.watching(row.caseId)) await this.o.adopt(row);
      }
      for (const id of Object.keys(this.o.repo.handles)) await this.merge(id);
      for (const id of this.seen.keys()) if (this.o.repo.handles[id as DocumentId] === undefined) this.seen.delete(id);
      for (const id of this.lastMerge.keys()) if (this.o.repo.handles[id as DocumentId] === undefined && !this.nudged.has(id)) this.lastMerge.delete(id);
    } catch (err) {
      this.o.log.warn({ err }, 'case files not synchronised with other relay processes this time');
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.tick();
      }
    }
  }

  /** Merges the stored case file into the copy held here, if it changed since the last look. */
  private async merge(id: string): Promise<void> {
    const handle = this.o.repo.handles[id as DocumentId];
    if (handle === undefined || !handle.isReady()) return;
    const keys = (await this.o.storage.keys([id])).join('\n');
    if (this.seen.get(id) === keys) return;
    this.seen.set(id, keys);
    const stored = await this.load(id as DocumentId);
    if (stored === null) return;
    handle.update((doc) => A.merge(doc as A.Doc<ModerationCase>, stored) as typeof doc);
  }

  /** The case file as stored: snapshots first, then incremental chunks (as automerge-repo loads it). */
  private async load(id: DocumentId): Promise<A.Doc<ModerationCase> | null> {
    const chunks = [...(await this.o.storage.loadRange([id, 'snapshot'])), ...(await this.o.storage.loadRange([id, 'incremental']))];
    if (chunks.length === 0) return null;
    let doc = A.init<ModerationCase>();
    for (const chunk of chunks) if (chunk.data !== undefined) doc = A.loadIncremental(doc, chunk.data);
    return doc;
  }
}
