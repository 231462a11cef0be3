// Whether a client's update adds anything to a document, told without touching the document.
// Why: the room stores a client's update before it applies it (room.ts), so that a store that fails
// leaves the in-memory document as it was — no reader ever sees what storage refused. Applying was
// what told the room whether an update changes anything; this tells it beforehand, so an update the
// document already holds (every reconnect's sync step 2 carries the sender's whole delete set) is
// neither stored again nor broadcast.
import * as Y from 'yjs';

/**
 * Whether `update` holds a struct `doc` lacks or deletes something `doc` has not deleted. Throws when
 * the update does not decode. The room stores and applies the update itself, never a re-encoding
 * of it: what is stored is exactly what Yjs applied (a re-encoded copy could differ from it).
 */
export function addsToDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  if (structs.length > 0) return true;
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) if (!allDeleted(doc, client, clock, len)) return true;
  }
  return false;
}

/** Whether the document holds every struct of client's clocks [clock, clock + len) and each is deleted. */
function allDeleted(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  if (len <= 0) return true;
  const structs = doc.store.clients.get(client);
  if (structs === undefined || clock + len > Y.getState(doc.store, client)) return false; // deletes what is still to come
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
    if (!structs[i]!.deleted) return false;
  }
  return true;
}
