// Test helpers (excluded from the build): exchanging Yjs state between documents the way the
// y-websocket provider does, as whole updates.
import * as Y from 'yjs';

/** Brings `to` up to date with everything `from` has. */
export function sendAll(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Two-way sync of every pair. */
export function syncAll(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) sendAll(a, b);
}

/** A document with a fixed client id, for reproducible merges. */
export function device(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}
