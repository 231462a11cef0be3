// "Older posts" under a space's feed: the space keeps its last months on this device (time buckets,
// sync/bucket-shelf.ts); the space document's index says which older months exist. Pressing the
// button keeps the newest month not yet here — it syncs from the relay (online) and stays on the
// device from then on.
import { nextOlderBucket } from '@hearth/core';
import { useServices } from '../hooks/services-context.js';
import { useBucketIndex } from '../hooks/use-data.js';
import { useObservable } from '../hooks/use-observable.js';
import { text } from './strings.js';

export function OlderPosts({ spaceId }: { spaceId: string }) {
  const { buckets } = useServices();
  useObservable(buckets.opened);
  const index = useBucketIndex(spaceId);
  const next = nextOlderBucket(index, new Set(buckets.keep(spaceId)));
  const summary = index.find((b) => b.key === next);
  if (next === null || summary === undefined) return index.length > 0 ? <p className="field-help">{text.space.allHere}</p> : null;
  return (
    <div className="older-posts">
      <button type="button" className="button" onClick={() => buckets.open(spaceId, next)}>
        {text.space.olderPosts}
      </button>
      <p className="field-help">{text.space.olderFrom(monthName(next), summary.posts)}</p>
    </div>
  );
}

function monthName(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
