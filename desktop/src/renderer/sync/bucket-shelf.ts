// Which time buckets of each space this device keeps (core's buckets.ts): the last RECENT_BUCKETS
// months of every space always, plus every older month the person opened — by "Older posts", a
// search result or a link. Why remembered across sessions: what a person has opened stays on the
// device (offline first), so the rooms are opened again at the next start and read from IndexedDB.
// The list is small (space → months) and kept in localStorage per person.
import { bucketRoomName, bucketsToKeep, isBucketKey } from '@hearth/core';
import { observable, type Observable } from '../data/observable.js';

type Opened = Readonly<Record<string, readonly string[]>>;

export class BucketShelf {
  /** space → months opened beyond the recent ones. */
  readonly opened: Observable<Opened>;

  constructor(
    private readonly key: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.opened = observable<Opened>(this.load());
  }

  /** The months kept of a space, newest first: the recent ones and those opened. */
  keep(space: string): string[] {
    return bucketsToKeep(this.now(), this.opened.get()[space] ?? []);
  }

  /** The rooms kept of a space: `space/<id>/<yyyy-mm>` for every month kept. */
  rooms(space: string): string[] {
    return this.keep(space).map((month) => bucketRoomName(space, month));
  }

  /** Keeps a month of a space from now on (idempotent). */
  open(space: string, month: string): void {
    if (!isBucketKey(month) || this.keep(space).includes(month)) return;
    const current = this.opened.get();
    const next = { ...current, [space]: [...(current[space] ?? []), month].sort().reverse() };
    this.opened.set(next);
    this.save(next);
  }

  private load(): Opened {
    if (this.key === null || typeof localStorage === 'undefined') return {};
    try {
      const parsed = JSON.parse(localStorage.getItem(this.key) ?? '{}') as unknown;
      if (typeof parsed !== 'object' || parsed === null) return {};
      const out: Record<string, string[]> = {};
      for (const [space, months] of Object.entries(parsed)) if (Array.isArray(months)) out[space] = months.filter(isBucketKey);
      return out;
    } catch {
      return {};
    }
  }

  private save(value: Opened): void {
    if (this.key === null || typeof localStorage === 'undefined') return;
    try {
      localStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // A full or disabled localStorage: the months stay open for this session only.
    }
  }
}

/** The localStorage key of a person's shelf. */
export function shelfKey(person: string): string {
  return `hearth.buckets.${person}`;
}
