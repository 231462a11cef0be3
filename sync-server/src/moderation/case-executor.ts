// Carrying decisions out, exactly once. The relay watches every case file; when the case (as core's
// deriveCaseState reads it) has decisions to carry out that `case_actions` does not list, it
// performs them (case-actions.ts) and then, in one database transaction, records the decision as done,
// journals it (`decision`) and, for an approval, stores the new publication state. A crash before
// the transaction replays idempotent writes; after it, nothing is repeated — across restarts too.
// Why a short settling time before carrying a decision out: two moderators who decide "at the same
// moment" must see a conflict, not a race won by whoever's packet arrived first; a decision is
// carried out once it has been on the relay for `settleMs` with no disagreeing decision beside it.
// Decisions whose Automerge object was not created by an actor of the person named in `by` are
// ignored: a moderator cannot decide in a colleague's name.
// From the case file the executor reads only the decisions; what they act on is the case row
// (case-actions.ts). Whether each decision's author may act on the case's space is checked when the
// decision is first seen and again at the moment it is carried out (case-permissions.ts): a decision
// by someone who may not is `refused` — recorded in `case_actions`, journaled, logged and written to
// the case's `executions` — and nothing is done; it then no longer counts (core's deriveCaseState).
import type { AttachmentGate } from '../attachments/attachment-gate.js';
import * as A from '@automerge/automerge';
import type { DocHandle } from '@automerge/automerge-repo';
import { checkCaseAddition, deriveCaseState, isActorOf, type CaseDecision, type CaseExecution, type ModerationCase } from '@hearth/core';
import type { AuditJournal } from '../audit/journal.js';
import type { Logger } from '../log.js';
import type { PublicationStore } from '../publication/publication-store.js';
import type { DocHost } from '../rooms/doc-host.js';
import { SerialQueue } from '../rooms/serial-queue.js';
import { carryOut, type RecordedCase } from './case-actions.js';
import type { CasePermissions } from './case-permissions.js';
import type { CaseRow, CaseStore } from './case-store.js';
import type { Lease, Leases } from '../storage/leases.js';
import type { Db } from '../storage/schema.js';

export interface CaseExecutorOptions {
  host: DocHost;
  store: CaseStore;
  publications: PublicationStore;
  permissions: CasePermissions;
  journal: AuditJournal | undefined;
  log: Logger;
  now: () => number;
  /** How long a decision waits on the relay before it is carried out. */
  settleMs: number;
  /**
   * Several relay processes on one database: a case is evaluated by one process at a time (lease
   * `case:<id>`, fenced in the transaction that records a decision as carried out); another process
   * that sees a change meanwhile evaluates the case again once the lease is free.
   */
  leases?: Leases;
  attachments?: AttachmentGate;
}

export class CaseExecutor {
  private readonly queue = new SerialQueue();
  private readonly handles = new Map<string, { handle: DocHandle<ModerationCase>; row: CaseRow; off: () => void; lastActive: number }>();
  private stopped = false;
  private readonly firstSeen = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The lease of the case being evaluated (the queue runs one evaluation at a time). */
  private lease: Lease | null = null;

  constructor(private readonly o: CaseExecutorOptions) {}

  /** Watches a case file and evaluates it now; a case already watched is evaluated again. */
  watch(handle: DocHandle<ModerationCase>, row: CaseRow): void {
    if (this.handles.has(row.caseId)) return void this.schedule(row.caseId);
    const onChange = () => {
      const watched = this.handles.get(row.caseId);
      if (watched !== undefined) watched.lastActive = this.o.now();
      void this.schedule(row.caseId);
    };
    handle.on('change', onChange);
    this.handles.set(row.caseId, { handle, row, off: () => handle.off('change', onChange), lastActive: this.o.now() });
    void this.schedule(row.caseId);
  }

  watching(caseId: string): boolean {
    return this.handles.has(caseId);
  }

  get watchedCount(): number {
    return this.handles.size;
  }

  /**
   * Stops watching the cases that are settled (every current decision carried out, nothing in
   * conflict, nothing waiting) and unchanged for `idleMs`, and returns their rows: the moderation
   * service unloads their files. Runs in the queue, so no evaluation is under way meanwhile. A case
   * that is still open (no decision yet, a conflict, a decision settling) stays: it is the
   * moderators' work, announced to every moderator device that connects.
   */
  release(idleMs: number): Promise<CaseRow[]> {
    return this.queue.run(async () => {
      const released: CaseRow[] = [];
      const cutoff = this.o.now() - idleMs;
      for (const [caseId, watched] of [...this.handles]) {
        if (watched.lastActive > cutoff || [...this.firstSeen.keys()].some((k) => k.startsWith(`${caseId}\u0000`))) continue;
        if (!(await this.settled(caseId, watched.handle))) continue;
        watched.off();
        this.handles.delete(caseId);
        released.push(watched.row);
      }
      return released;
    });
  }

  private async settled(caseId: string, handle: DocHandle<ModerationCase>): Promise<boolean> {
    if (!handle.isReady()) return false;
    const doc = handle.doc();
    const decisions = verifiedDecisions(doc, this.o.log);
    const executions: Record<string, CaseExecution> = {};
    for (const id of Object.keys(decisions)) {
      const e = await this.o.store.execution(caseId, id);
      if (e === null) return false;
      executions[id] = e;
    }
    const state = deriveCaseState({ decisions, executions });
    return state.status === 'decided' && Object.keys(decisions).every((id) => doc.executions[id] !== undefined);
  }

  schedule(caseId: string): Promise<void> {
    return this.queue.run(() => (this.stopped ? undefined : this.leased(caseId))).catch((err: unknown) => {
      this.o.log.error({ err, case: caseId }, 'moderation case evaluation failed');
    });
  }

  idle(): Promise<void> {
    return this.queue.run(() => undefined);
  }

  stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    return this.idle();
  }

  private async leased(caseId: string): Promise<void> {
    const { leases } = this.o;
    if (leases === undefined) return this.evaluate(caseId);
    const name = `case:${caseId}`;
    const lease = await leases.acquire(name);
    if (lease === null) return this.later(caseId, (await leases.retryIn(name)) + 50);
    this.lease = lease;
    try {
      await this.evaluate(caseId);
    } finally {
      this.lease = null;
      await lease.release().catch(() => undefined);
    }
  }

  private later(caseId: string, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.schedule(caseId);
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private async evaluate(caseId: string): Promise<void> {
    const watched = this.handles.get(caseId);
    if (watched === undefined) return;
    const { handle, row } = watched;
    watched.lastActive = this.o.now();
    const doc = handle.doc();
    const decisions = verifiedDecisions(doc, this.o.log);
    // What became of each decision is the relay's record, never the case file's `executions`.
    const executions: Record<string, CaseExecution> = {};
    for (const id of Object.keys(decisions)) {
      const e = await this.o.store.execution(caseId, id);
      if (e !== null) executions[id] = e;
    }
    for (const d of Object.values(decisions)) {
      if (executions[d.id] !== undefined) continue;
      const verdict = await this.o.permissions.mayAct(d.by, row.space);
      if (!verdict.ok) executions[d.id] = await this.refuse(row, d, verdict.reason);
    }
    const state = deriveCaseState({ decisions, executions });
    for (const d of state.toCarryOut) {
      if (executions[d.id] !== undefined) continue;
      const now = this.o.now();
      const key = `${caseId}\u0000${d.id}`;
      const waited = now - (this.firstSeen.get(key) ?? this.firstSeen.set(key, now).get(key)!);
      if (waited < this.o.settleMs) {
        this.later(caseId, this.o.settleMs - waited);
        break; // later decisions wait for this one (causal order)
      }
      this.firstSeen.delete(key);
      // Checked again now: a role or a space can be lost while a decision settles.
      const verdict = await this.o.permissions.mayAct(d.by, row.space);
      if (!verdict.ok) {
        await this.refuse(row, d, verdict.reason);
        void this.schedule(caseId); // the case means something else without this decision: derive it again
        return;
      }
      const result =
        row.item === null
          ? { outcome: 'failed' as const, detail: 'the relay has no record of the item this case is about' }
          : await carryOut(row as RecordedCase, d, {
              host: this.o.host,
              now,
              record: await this.o.publications.get(row.entryId),
              recordOf: (id) => this.o.publications.get(id),
              ...(this.o.attachments === undefined ? {} : { attachments: this.o.attachments }),
            });
      const execution: CaseExecution = { at: now, outcome: result.outcome, ...(result.detail === undefined ? {} : { detail: result.detail }) };
      await this.o.store.transaction(async (tx) => {
        await this.lease?.fence(tx);
        await this.o.store.in(tx).recordExecution(caseId, d, execution);
        if ('published' in result && result.published !== undefined) await this.o.publications.in(tx).put(result.published);
        await this.journal(row, d, execution, tx);
      });
      executions[d.id] = execution;
      this.o.log.info({ case: caseId, decision: d.id, action: d.action, outcome: result.outcome }, 'moderation decision carried out');
    }
    for (const [list, outcome] of [[state.duplicates, 'duplicate'], [state.overruled, 'overruled']] as const) {
      for (const d of list) {
        if ((await this.o.store.execution(caseId, d.id)) !== null) continue;
        await this.o.store.recordExecution(caseId, d, { at: this.o.now(), outcome });
      }
    }
    // Tell the moderators, in the case file, what became of each decision (missing ones only, so a
    // replay after a restart writes what the crash left out and nothing twice).
    const toWrite: Array<[string, CaseExecution]> = [];
    for (const id of Object.keys(doc.decisions)) {
      const e = doc.executions[id] === undefined ? await this.o.store.execution(caseId, id) : null;
      if (e !== null) toWrite.push([id, e]);
    }
    if (toWrite.length > 0) handle.change((d) => {
      for (const [id, e] of toWrite) d.executions[id] = e;
    });
  }

  /** Records a decision as refused (nothing is done): case_actions, the journal and the log. */
  private async refuse(row: CaseRow, d: CaseDecision, reason: string): Promise<CaseExecution> {
    const execution: CaseExecution = { at: this.o.now(), outcome: 'refused', detail: reason };
    await this.o.store.transaction(async (tx) => {
      await this.lease?.fence(tx);
      await this.o.store.in(tx).recordExecution(row.caseId, d, execution);
      await this.journal(row, d, execution, tx);
    });
    this.o.log.warn({ case: row.caseId, decision: d.id, action: d.action, by: d.by, reason }, 'moderation decision refused');
    return execution;
  }

  /** The journal's `decision` record; a refusal's reason goes with it as `detail`. */
  private async journal(row: CaseRow, d: CaseDecision, e: CaseExecution, tx: Db): Promise<void> {
    await this.o.journal?.record({
      kind: 'decision',
      actor: d.by,
      space: row.space,
      person: row.author,
      entry: row.entryId,
      details: {
        case: row.caseId,
        decision: d.id,
        action: d.action,
        outcome: e.outcome,
        source: row.source,
        ...(d.role ? { role: d.role } : {}),
        ...(e.outcome === 'refused' && e.detail !== undefined ? { detail: e.detail } : {}),
      },
    }, tx);
  }
}

/** The decisions whose object was created by an actor bound to the person named in `by`. */
function verifiedDecisions(doc: A.Doc<ModerationCase>, log: Logger): Record<string, CaseDecision> {
  const out: Record<string, CaseDecision> = {};
  for (const [id, d] of Object.entries(doc.decisions)) {
    const objectId = A.getObjectId(d);
    const actor = objectId?.split('@')[1] ?? '';
    const plain = JSON.parse(JSON.stringify(d)) as CaseDecision;
    if (typeof plain.by !== 'string' || !isActorOf(actor, plain.by) || !checkCaseAddition('decisions', id, plain, plain.by).ok) {
      log.warn({ decision: id, actor }, 'case decision ignored: not written by the person it names, or malformed');
      continue;
    }
    out[id] = plain;
  }
  return out;
}
