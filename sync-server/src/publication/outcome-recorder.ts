// Records what the publisher decided about an entry version — its publication_state row and its
// audit record, under the fence of the outbox's lease — in group commits. Why: each outcome used
// to be a transaction of its own (fence, upsert, chain lock, head, insert, commit), and the audit
// chain lock serialises those transactions across every relay process, so the round trips and the
// fsync of one commit per publication capped the relay at a few hundred publications per second.
// Outcomes that arrive in the same turn of the event loop, or while a commit is in flight, commit
// together: one transaction, one fence for all their leases, one upsert, one chain-lock/head read, one journal
// insert. Why the turn: on SQLite every statement runs on the event loop's thread, so nothing
// arrives "during" a commit; the other publication passes reach their own outcome within the turn.
// Nothing is weakened:
// - Each caller resolves only after the commit holding its outcome; the target document was
//   written before (publisher.ts), so exactly-once per entry version holds as before.
// - The fence is checked in the committing transaction; an outcome whose lease is lost is refused
//   with LeaseLost and left out, the others of the group commit.
// - The journal appends the group's records in order under one lock: still one gap-free chain.
// - A group that fails is retried one outcome per transaction, so one bad outcome fails alone.
import type { AuditEvent, AuditJournal } from '../audit/journal.js';
import { fenceAll, LeaseLost, type Lease } from '../storage/leases.js';
import type { EntryRecord, PublicationStore } from './publication-store.js';

export interface Outcome {
  record: EntryRecord;
  /** The outbox lease the outcome was decided under (null: the only relay process). */
  lease: Lease | null;
  audit?: AuditEvent;
}

interface Waiting {
  outcome: Outcome;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Outcomes per transaction at most (a long group would hold the chain lock long). */
const MAX_GROUP = 500;

export class OutcomeRecorder {
  private waiting: Waiting[] = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly store: PublicationStore,
    private readonly journal: AuditJournal | undefined,
  ) {}

  /** Resolves once the outcome is committed; rejects with LeaseLost when its lease was lost. */
  record(outcome: Outcome): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ outcome, resolve, reject });
      if (!this.running && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) await this.commit(this.nextGroup());
    } finally {
      this.running = false;
    }
  }

  /** The oldest waiting outcomes, stopping before an entry already in the group (it goes next). */
  private nextGroup(): Waiting[] {
    const ids = new Set<string>();
    let n = 0;
    while (n < this.waiting.length && n < MAX_GROUP && !ids.has(this.waiting[n]!.outcome.record.entryId)) {
      ids.add(this.waiting[n]!.outcome.record.entryId);
      n++;
    }
    return this.waiting.splice(0, n);
  }

  private async commit(group: readonly Waiting[]): Promise<void> {
    let refused = new Set<Waiting>();
    try {
      await this.store.transaction(async (tx) => {
        const leases = [...new Set(group.flatMap((w) => (w.outcome.lease === null ? [] : [w.outcome.lease])))];
        const held = await fenceAll(tx, leases);
        refused = new Set(group.filter((w) => w.outcome.lease !== null && !held.has(w.outcome.lease)));
        const kept = group.filter((w) => !refused.has(w));
        await this.store.in(tx).putAll(kept.map((w) => w.outcome.record));
        const audits = kept.flatMap((w) => (w.outcome.audit === undefined ? [] : [w.outcome.audit]));
        if (this.journal !== undefined) await this.journal.recordAll(audits, tx);
      });
    } catch (err) {
      if (group.length === 1) group[0]!.reject(err);
      else for (const w of group) await this.commit([w]);
      return;
    }
    for (const w of group) {
      if (refused.has(w)) w.reject(new LeaseLost(`lease ${w.outcome.lease!.name} (token ${w.outcome.lease!.token}) is no longer held`));
      else w.resolve();
    }
  }
}
