// What the publisher asks about an entry's attachments. Why the publisher waits: an entry written
// offline references files that reach the relay later (or never); publishing it before its files
// are here would show other people a post with broken images. So an entry whose files are not all
// available to its author stays unpublished (pending for its author) and is judged again when an
// upload completes. "Available to its author" means the author uploaded the bytes or may already
// read the file: a modified client that names the hash of a file it has never had (from a private
// space, say) gets nothing published, so a hash is never a key to someone else's file.
// A missing file whose upload by the author the relay refused for good (a program, a forbidden type
// or size) never arrives: the entry is rejected with that reason instead (publisher.ts).
// The policy then judges the files by what the relay found (sniffed type, real size) and the names
// the author gave them; the published item carries those facts, not the client's claims.
import type { AttachmentRef } from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import { mayRead } from './blob-access.js';
import type { BlobRecords } from './blob-records.js';

export interface AttachmentGate {
  /** The entry's attachments with the relay's own type and size, or the hashes not available to `author`. */
  check(author: string, refs: readonly AttachmentRef[]): Promise<{ ok: true; checked: AttachmentRef[] } | { ok: false; missing: string[]; refused: Array<{ hash: string; reason: string }> }>;
  /** The published item `item` in `room` references these blobs (readers of the room may read them). */
  referenced(room: string, item: string, hashes: readonly string[]): Promise<void>;
  /** The held item `item` for `room` references these blobs: whoever may decide its case may read them. */
  underReview(room: string, item: string, hashes: readonly string[]): Promise<void>;
}

/** Reference rows of held items are kept under `review:<room>` (blob-access.ts, blob-sweep.ts). */
export const REVIEW_PREFIX = 'review:';

export function attachmentGate(host: DocHost, records: BlobRecords, now: () => number): AttachmentGate {
  return {
    async check(author, refs) {
      const facts = await records.facts(refs.map((r) => r.hash));
      const missing: string[] = [];
      for (const r of refs) if (!facts.has(r.hash) || !(await mayRead(host, records, author, r.hash))) missing.push(r.hash);
      if (missing.length > 0) {
        // A missing file whose upload by the author was refused for good will never arrive.
        const reasons = await records.refusals(author, missing);
        return { ok: false, missing, refused: [...reasons].map(([hash, reason]) => ({ hash, reason })) };
      }
      return { ok: true, checked: refs.map((r) => ({ hash: r.hash, name: r.name, mimeType: facts.get(r.hash)!.mimeType, bytes: facts.get(r.hash)!.bytes })) };
    },
    referenced: (room, item, hashes) => records.referenced(room, item, hashes, now()),
    underReview: (room, item, hashes) => records.referenced(`${REVIEW_PREFIX}${room}`, item, hashes, now()),
  };
}
