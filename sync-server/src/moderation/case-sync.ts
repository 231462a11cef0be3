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

export class CaseSync {
  /** document id → its stored chunk keys at the last look, joined. */
  private readonly seen = new Map<string, string>();
  private running = false;

  constructor(private readonly o: CaseSyncOptions) {}

  /** One look at the database; overlapping calls return at once. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const row of await this.o.store.unsettled()) {
        if (!this.o.watching(row.caseId)) await this.o.adopt(row);
      }
      for (const [id, handle] of Object.entries(this.o.repo.handles)) {
        if (!handle.isReady()) continue;
        const keys = (await this.o.storage.keys([id])).join('\n');
        if (this.seen.get(id) === keys) continue;
        this.seen.set(id, keys);
        const stored = await this.load(id as DocumentId);
        if (stored === null) continue;
        handle.update((doc) => A.merge(doc as A.Doc<ModerationCase>, stored) as typeof doc);
      }
      for (const id of this.seen.keys()) if (this.o.repo.handles[id as DocumentId] === undefined) this.seen.delete(id);
    } catch (err) {
      this.o.log.warn({ err }, 'case files not synchronised with other relay processes this time');
    } finally {
      this.running = false;
    }
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
