// The space document's bucket index (core's buckets.ts), kept by the publisher. Why not one write per
// post: every new post changed the index (its bucket's count), so each publication was two relay
// writes — two durable appends, and two broadcasts to every member's device, which holds the space
// document — and the second cost about a sixth of the relay's publication throughput. A bucket new
// to the index is still written at once (until then no device knows the bucket exists); for a bucket
// already listed, the count and dates follow within NOTE_DELAY_MS, one write per space for
// everything noted meanwhile. Crash safety: the index is derived (max of counts, min/max of dates),
// so a later note for the bucket puts it right; what a crash in the delay can leave behind is a
// count a few posts short on a month nobody posts to again — cosmetic, never a post that cannot be
// found. `flush` writes everything pending (the publisher calls it when it stops).
import { noteBucketItem, roomName, SPACE_BUCKETS, type BucketNote } from '@hearth/core';
import type { Logger } from 'pino';
import type { DocHost } from '../rooms/doc-host.js';

const NOTE_DELAY_MS = 1000;

interface Pending {
  posts: number;
  first: number;
  last: number;
}

export class BucketNotes {
  /** space → bucket → what to note. */
  private pending = new Map<string, Map<string, Pending>>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: DocHost,
    private readonly log: Logger,
  ) {}

  async note(n: BucketNote): Promise<void> {
    const room = roomName({ kind: 'space', space: n.space });
    if (!(await this.host.open(room)).getMap(SPACE_BUCKETS).has(n.bucket)) {
      await this.host.write(room, (doc) => noteBucketItem(doc, n.bucket, n));
      return;
    }
    let buckets = this.pending.get(n.space);
    if (buckets === undefined) this.pending.set(n.space, (buckets = new Map()));
    const was = buckets.get(n.bucket);
    buckets.set(n.bucket, {
      posts: Math.max(n.posts, was?.posts ?? 0),
      first: Math.min(n.createdAt, was?.first ?? n.createdAt),
      last: Math.max(n.createdAt, was?.last ?? n.createdAt),
    });
    if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), NOTE_DELAY_MS);
      this.timer.unref();
    }
  }

  /** Writes everything noted so far; resolves once it is stored. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(async () => {
      for (const [space, buckets] of pending) {
        try {
          await this.host.write(roomName({ kind: 'space', space }), (doc) => {
            for (const [bucket, p] of buckets) {
              noteBucketItem(doc, bucket, { posts: p.posts, createdAt: p.first });
              noteBucketItem(doc, bucket, { posts: p.posts, createdAt: p.last });
            }
          });
        } catch (err) {
          // The next note of the bucket writes it again (the index keeps maxima and minima).
          this.log.warn({ err, space }, 'bucket index not updated');
        }
      }
    });
    return this.flushing;
  }
}
