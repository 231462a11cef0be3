// An entry's content fingerprint: what tells the relay that an outbox entry is new or has changed
// since it was last judged. Hashing core's canonical form keeps it stable across key order and
// across processes.
import { createHash } from 'node:crypto';
import { canonicalEntry, type OutboxEntry } from '@hearth/core';

export function fingerprint(entry: OutboxEntry): string {
  return createHash('sha256').update(canonicalEntry(entry)).digest('base64url');
}
