// What a sync message on `/automerge` may do to a case file, decided before automerge-repo sees it.
// The case file is the one multi-writer store, so nothing in it is trusted as content: a person's
// changes may only ADD a decision or a note under a new key, in their own name, written with an
// actor bound to them (core's moderatorActorPrefix). A message that would do anything else — edit
// the item, space, source, findings, reports or executions, touch someone's existing decision or
// note, write as another actor, or make a change whose dependencies the relay lacks — is refused
// whole: nothing of it is applied, stored or forwarded (case-network.ts closes the socket).
//
// How: the message is applied to a scratch copy of the relay's document, the changes it adds are
// decoded (A.decodeChange) and every operation is checked against the objects it targets:
// - an op on the relay's `decisions` or `notes` map must create a new map under a key that does not
//   exist yet (`makeMap`, no predecessor) — that new object is the person's addition;
// - an op on an object created by this same batch (inside the addition) may do anything;
// - an op on any other object — the root, the item, a decision already there — is refused.
// Then each addition's final value is checked with core's checkCaseAddition (shape, size, `by` is
// the person). Checking operations rather than the resulting document matters: an op can change
// something invisible now (a losing conflict value) that becomes visible later.
//
// Why a shadow copy per person and document: the repo applies messages asynchronously, so a second
// message may build on a first one the relay has not applied yet; the shadow holds what was screened
// and accepted, so the second is judged against it. Shadows are per person, so one person's accepted
// (but perhaps never applied) changes never count as "already known" when someone else sends them.
// Why refuse changes with missing dependencies: a forged change could wait in Automerge's queue
// until an honest-looking change that it depends on arrives, and be applied without being seen here.
// Limits: actor ids are chosen by the client; the check proves "this connection wrote only as its
// own person, and only added", not that the person's device is honest.
import * as A from '@automerge/automerge';
import type { DocumentId, Message } from '@automerge/automerge-repo';
import { CASE_ADDITIONS, checkCaseAddition, isActorOf, type CaseAddition } from '@hearth/core';
import type { Screen } from './case-network.js';

/** More operations than any honest decision needs (a note of 4,000 characters is ~4,000 ops). */
const MAX_OPS_PER_MESSAGE = 50_000;

export interface ChangeCheckOptions {
  /**
   * The relay's current copy of a case file; `undefined` when the document is not a case the relay
   * holds (the repo's share config refuses those), `null` when it is one but is not loaded.
   */
  docOf: (documentId: DocumentId) => A.Doc<unknown> | null | undefined;
  /** Called for each accepted change's actor (first sightings are recorded). */
  onActor: (actor: string, person: string) => void;
}

export function changeCheck(opts: ChangeCheckOptions): Screen {
  const shadows = new Map<string, A.Doc<unknown>>();
  return (person: string, message: Message): string | null => {
    if (message.type !== 'sync' && message.type !== 'request') return null;
    const { data, documentId } = message as { data: Uint8Array; documentId: DocumentId };
    const relayDoc = opts.docOf(documentId);
    if (relayDoc === undefined) return null;
    if (relayDoc === null) return 'the case file is not loaded on the relay';
    const key = `${person}\u0000${documentId}`;
    let base = shadows.get(key);
    // A shadow whose changes the relay has all applied is obsolete.
    if (base !== undefined && A.hasHeads(relayDoc, A.getHeads(base))) base = undefined;
    base = base === undefined ? A.clone(relayDoc) : A.merge(base, A.clone(relayDoc));
    let scratch: A.Doc<unknown>;
    try {
      scratch = A.receiveSyncMessage(A.clone(base), A.initSyncState(), data)[0];
    } catch {
      return 'malformed sync message';
    }
    if (A.getMissingDeps(scratch, []).length > 0) return 'changes with missing dependencies';
    const added = A.getChanges(base, scratch).map((c) => A.decodeChange(c));
    const refusal = checkChanges(base, scratch, added, person);
    if (refusal !== null) return refusal;
    for (const change of added) opts.onActor(change.actor, person);
    if (added.length === 0 && sameHeads(A.getHeads(scratch), A.getHeads(relayDoc))) shadows.delete(key);
    else shadows.set(key, scratch);
    return null;
  };
}

/** null when every change only adds decisions and notes as `person`, else why not. */
export function checkChanges(base: A.Doc<unknown>, after: A.Doc<unknown>, changes: A.DecodedChange[], person: string): string | null {
  const roots = new Map<string, CaseAddition>();
  for (const field of CASE_ADDITIONS) {
    const id = A.getObjectId(base, field);
    if (id === null) return 'not a case file';
    roots.set(id, field);
  }
  const existing = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown> | undefined>;
  const created = new Set<string>();
  const additions: Array<{ field: CaseAddition; key: string }> = [];
  let ops = 0;
  for (const change of changes) {
    if (!isActorOf(change.actor, person)) return 'change by an actor that is not yours';
    ops += change.ops.length;
    if (ops > MAX_OPS_PER_MESSAGE) return 'too many operations in one message';
    for (const [i, op] of change.ops.entries()) {
      const opId = `${change.startOp + i}@${change.actor}`;
      if (created.has(op.obj)) {
        if (op.action.startsWith('make')) created.add(opId);
        continue;
      }
      const field = roots.get(op.obj);
      if (field === undefined) return `a change to ${objectPaths(base).get(op.obj) ?? 'a field the relay or another moderator wrote'}: moderators may only add decisions and notes`;
      const what = field === 'decisions' ? 'decision' : 'note';
      const key = (op as { key?: unknown }).key;
      if (op.action !== 'makeMap' || typeof key !== 'string' || op.pred.length > 0 || existing[field]?.[key] !== undefined) {
        return `a change to an existing ${what}: decisions and notes are only ever added`;
      }
      if (additions.some((a) => a.field === field && a.key === key)) return `the same ${what} added twice`;
      additions.push({ field, key });
      created.add(opId);
    }
  }
  const result = JSON.parse(JSON.stringify(after)) as Record<string, Record<string, unknown> | undefined>;
  for (const { field, key } of additions) {
    const check = checkCaseAddition(field, key, result[field]?.[key], person);
    if (!check.ok) return check.reason;
  }
  return null;
}

/** Object id → a readable path ("item", "decisions.mona-1"), for refusal reasons. */
function objectPaths(doc: A.Doc<unknown>): Map<string, string> {
  const out = new Map<string, string>([['_root', 'the case file itself']]);
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      const id = A.getObjectId(value, Array.isArray(value) ? Number(k) : k);
      const p = path === '' ? k : `${path}.${k}`;
      if (id !== null) out.set(id, `the case's ${p}`);
      walk(v, p);
    }
  };
  walk(doc, '');
  return out;
}

function sameHeads(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((h, i) => h === [...b].sort()[i]);
}
