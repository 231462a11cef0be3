// An entry's content fingerprint: what tells the relay that an outbox entry is new or has changed
// since it was last judged. Hashing core's canonical form keeps it stable across key order and
// across processes.
import { createHash } from 'node:crypto';
import { canonicalEntry, type OutboxEntry } from '@hearth/core';

/**
 * By entry object: core's scanOutbox hands out the same frozen object for an entry until it changes,
 * so an entry judged before costs a lookup here, not a hash. Why: every pass fingerprints every entry
 * of the outbox, and hashing 2,000 of them was most of the time a new post of a long-time user took.
 */
const prints = new WeakMap<OutboxEntry, string>();

export function fingerprint(entry: OutboxEntry): string {
  let print = prints.get(entry);
  if (print === undefined) {
    print = createHash('sha256').update(canonicalEntry(entry)).digest('base64url');
    // Only a frozen entry cannot change under its remembered print.
    if (Object.isFrozen(entry)) prints.set(entry, print);
  }
  return print;
}
