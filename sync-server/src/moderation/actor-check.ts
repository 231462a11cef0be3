// Refusing changes from actors that are not the connection's person, before the repo sees them.
// How: every sync message is applied to a scratch copy of the relay's document, and the changes it
// adds (getChangesMetaSince the relay's heads) are read with their actor ids; each must carry the
// sender's prefix (core's moderatorActorPrefix). Why a shadow copy per document: the repo applies
// messages asynchronously, so a second message may build on a first one the relay has not applied
// yet; the shadow holds what was screened and accepted, so the second is judged against it. Shadows
// are per person, so one person's accepted (but perhaps never applied) changes never count as
// "already known" when someone else sends them. Why
// refuse changes with missing dependencies: a forged change could wait in Automerge's queue until
// an honest-looking change that it depends on arrives, and be applied without ever being seen here.
// Limits: the check is on actor ids, which a client chooses; it proves "this connection wrote only
// as its own person", not that the person's device is honest (moderators are trusted people).
import * as A from '@automerge/automerge';
import type { DocumentId, Message } from '@automerge/automerge-repo';
import { isActorOf } from '@hearth/core';
import type { Screen } from './case-network.js';

export interface ActorCheckOptions {
  /** The relay's current copy of a document, or undefined when it has none loaded. */
  docOf: (documentId: DocumentId) => A.Doc<unknown> | undefined;
  /** Called for each accepted change's actor (first sightings are recorded). */
  onActor: (actor: string, person: string) => void;
}

export function actorCheck(opts: ActorCheckOptions): Screen {
  const shadows = new Map<string, A.Doc<unknown>>();
  return (person: string, message: Message): string | null => {
    if (message.type !== 'sync' && message.type !== 'request') return null;
    const data = (message as { data?: unknown }).data;
    const documentId = (message as { documentId?: DocumentId }).documentId;
    if (!(data instanceof Uint8Array) || documentId === undefined) return null;
    const relayDoc = opts.docOf(documentId);
    if (relayDoc === undefined) return null; // not a case the relay holds: access control refuses it
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
    const added = A.getChangesMetaSince(scratch, A.getHeads(base));
    for (const change of added) if (!isActorOf(change.actor, person)) return 'change by an actor that is not yours';
    for (const change of added) opts.onActor(change.actor, person);
    if (added.length === 0 && sameHeads(A.getHeads(scratch), A.getHeads(relayDoc))) shadows.delete(key);
    else shadows.set(key, scratch);
    return null;
  };
}

function sameHeads(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((h, i) => h === [...b].sort()[i]);
}
