// On start: every space document of the old layout (posts, comments and reactions in `space/<id>`
// itself) is split into time buckets, once (core's bucket-migration.ts). Per space: the items are
// copied into their buckets, the bucket index is written, the publication records follow the items,
// and only then are the items removed from the space document and its stored log compacted, so the
// old history no longer weighs on whoever opens the space. A relay stopped half-way finds the
// space document still holding items and runs the same steps again: each is harmless to repeat.
import {
  bucketRoomName,
  copyIntoBucket,
  initBucket,
  movedItemIds,
  noteBucketItem,
  parseRoomName,
  planBucketSplit,
  removeMovedItems,
} from '@hearth/core';
import type { Logger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import type { Leases } from '../storage/leases.js';
import type { PublicationStore } from './publication-store.js';

export interface BucketMigrationOptions {
  host: DocHost;
  store: PublicationStore;
  log: Logger;
  /** Replaces a room's stored log by one merged update (so removed items are gone from storage). */
  compact?: (room: string) => Promise<void>;
  /** Several relay processes: one migrates (lease `bucket-migration`), the others wait for it. */
  leases?: Leases;
}

export interface MigrationSummary {
  spaces: number;
  items: number;
  buckets: number;
}

export async function migrateSpacesToBuckets(o: BucketMigrationOptions): Promise<MigrationSummary> {
  const lease = o.leases === undefined ? null : await acquire(o.leases);
  try {
    const summary: MigrationSummary = { spaces: 0, items: 0, buckets: 0 };
    for (const room of await o.host.listRooms('space/')) {
      const name = parseRoomName(room);
      if (name?.kind !== 'space') continue;
      const shares = planBucketSplit(await o.host.open(room));
      if (shares.length === 0) continue;
      for (const share of shares) {
        const bucketRoom = bucketRoomName(name.space, share.bucket);
        await o.host.write(bucketRoom, (doc) => {
          initBucket(doc, name.space, share.bucket);
          copyIntoBucket(doc, share);
        });
        const posts = (await o.host.open(bucketRoom)).getMap('posts').size;
        await o.host.write(room, (doc) => {
          for (const createdAt of share.postDates) noteBucketItem(doc, share.bucket, { posts, createdAt });
        });
        await o.store.relocate(movedItemIds(share), room, bucketRoom);
        summary.items += movedItemIds(share).length;
      }
      await o.host.write(room, (doc) => void removeMovedItems(doc, shares));
      await o.compact?.(room);
      summary.spaces++;
      summary.buckets += shares.length;
      o.log.info({ room, buckets: shares.length }, 'space split into time buckets');
    }
    return summary;
  } finally {
    await lease?.release().catch(() => undefined);
  }
}

/** Waits for the migration lease (another process may be migrating: its work is then already done or redone harmlessly). */
async function acquire(leases: Leases) {
  for (;;) {
    const lease = await leases.acquire('bucket-migration');
    if (lease !== null) return lease;
    const wait = Math.max(50, await leases.retryIn('bucket-migration'));
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
