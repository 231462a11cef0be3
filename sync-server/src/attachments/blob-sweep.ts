// Deleting blobs nothing references any more. Why this is how retention and legal hold reach files:
// retention purges an item (its text and its attachments list, core's purgeItem), a withdrawal
// blanks it, and a blob that no published item references is then deleted here — unless a legal
// hold covers it (a held space references it, or a held person uploaded it), in which case it is
// kept like the held items themselves. An upload not yet referenced by anything gets a grace period
// (its item may still be waiting to be published: an offline author, a held post). Each deletion is
// journaled with the blob's hash.
import type { AuditJournal } from '../audit/journal.js';
import type { LegalHolds } from '../audit/legal-holds.js';
import type { Logger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import { itemReferences } from './blob-access.js';
import type { BlobRecords } from './blob-records.js';
import type { BlobStore } from './blob-store.js';

export interface BlobSweepOptions {
  host: DocHost;
  store: BlobStore;
  records: BlobRecords;
  holds: LegalHolds;
  journal: AuditJournal;
  log: Logger;
  now: () => number;
  /** A blob younger than this is kept even when unreferenced. Default 7 days. */
  graceMs: number;
}

export async function sweepBlobs(o: BlobSweepOptions): Promise<string[]> {
  const held = await o.holds.active();
  const deleted: string[] = [];
  for (const blob of await o.records.storedBefore(o.now() - o.graceMs)) {
    const refs = await o.records.refs(blob.hash);
    let live = false;
    for (const ref of refs) {
      // A held item's files stay while its case may be decided (the evidence a moderator reads).
      if (ref.room.startsWith('review:')) live = true;
      else if (ref.room.startsWith('space/') && held.spaces.has(ref.room.slice('space/'.length))) live = true;
      else if (itemReferences(await o.host.open(ref.room), ref.item, blob.hash)) live = true;
      else await o.records.dropRef(blob.hash, ref.room, ref.item);
      if (live) break;
    }
    if (live) continue;
    if (held.people.size > 0 && (await Promise.all([...held.people].map((p) => o.records.uploadedBy(blob.hash, p)))).some(Boolean)) continue;
    await o.store.delete(`thumbs/${blob.hash}.webp`);
    await o.store.delete(`blobs/${blob.hash}`);
    await o.records.forget(blob.hash);
    await o.journal.record({ kind: 'retention', actor: 'relay', details: { blobDeleted: blob.hash, bytes: blob.bytes, mimeType: blob.mimeType } });
    deleted.push(blob.hash);
  }
  if (deleted.length > 0) o.log.info({ deleted: deleted.length }, 'unreferenced attachment blobs deleted');
  return deleted;
}
