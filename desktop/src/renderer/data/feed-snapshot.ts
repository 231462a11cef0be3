// The top of the home feed as it was last shown, kept in localStorage (read synchronously at
// start) so the first frame after a restart shows the feed at once, before the rooms' stored
// updates (possibly tens of megabytes) are applied. It is replaced by the live feed as soon as every
// room is loaded; it is never written to, only overwritten.
import type { PostView } from '@hearth/core';

const KEY = (person: string) => `hearth.feed.${person}`;
export const SNAPSHOT_POSTS = 30;

export function loadFeedSnapshot(person: string): PostView[] {
  try {
    const raw = localStorage.getItem(KEY(person));
    if (!raw) return [];
    const posts = JSON.parse(raw) as unknown;
    return Array.isArray(posts) ? (posts as PostView[]) : [];
  } catch {
    return [];
  }
}

export function saveFeedSnapshot(person: string, posts: readonly PostView[]): void {
  // The cards show counts and reactions, not the comments themselves: keep the snapshot small.
  const top = posts.slice(0, SNAPSHOT_POSTS).map((p) => ({ ...p, comments: [] }));
  try {
    localStorage.setItem(KEY(person), JSON.stringify(top));
  } catch {
    // A full quota only costs the instant first frame; the feed itself is in IndexedDB.
  }
}
