// What a client's update would cost, judged before it is applied. Why before: applying is what is
// expensive — Yjs orders concurrent inserts at one position by scanning every one of them, so an
// update of a few KB crafted with thousands of conflicting items kept the thread busy for seconds,
// and made every later apply and every reload of that document slower still. Decoding is linear in
// the update's size and touches nothing, so the relay decodes, counts, and refuses an update whose
// cost is out of bounds; nothing of a refused update is applied or stored.
import * as Y from 'yjs';
import type { PersonLimits } from './person-limits.js';

export type UpdateCheck =
  | { ok: true; /** The update refers to structs the document does not hold yet: Yjs will keep it pending. */ missing: boolean }
  | { ok: false; reason: 'malformed' | 'too-many-structs' | 'too-many-deletes' | 'too-many-concurrent'; detail: string };

type Limits = Pick<PersonLimits, 'maxStructsPerUpdate' | 'maxDeleteRangesPerUpdate' | 'maxConcurrentInserts'>;

/** Steps spent walking the document's neighbourhoods of inserts, per update. */
const WALK_BUDGET = 200_000;

export function checkUpdate(doc: Y.Doc, update: Uint8Array, limits: Limits): UpdateCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    return { ok: false, reason: 'malformed', detail: err instanceof Error ? err.message : String(err) };
  }
  const { structs, ds } = decoded;
  if (structs.length > limits.maxStructsPerUpdate) {
    return { ok: false, reason: 'too-many-structs', detail: `${structs.length} structs (limit ${limits.maxStructsPerUpdate})` };
  }
  let ranges = 0;
  for (const items of ds.clients.values()) ranges += items.length;
  if (ranges > limits.maxDeleteRangesPerUpdate) {
    return { ok: false, reason: 'too-many-deletes', detail: `${ranges} delete ranges (limit ${limits.maxDeleteRangesPerUpdate})` };
  }
  const store = doc.store;
  const walk = { steps: 0 };
  const atPosition = new Map<string, number>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const key = positionKey(s);
    const before = atPosition.get(key) ?? concurrentInDoc(doc, s, walk);
    if (before === null) return { ok: false, reason: 'too-many-concurrent', detail: 'the update inserts into too large a region of concurrent items' };
    const count = before + 1;
    if (count > limits.maxConcurrentInserts) {
      return { ok: false, reason: 'too-many-concurrent', detail: `${count} concurrent inserts at one position (limit ${limits.maxConcurrentInserts})` };
    }
    atPosition.set(key, count);
  }
  return { ok: true, missing: refersToMissing(store, structs, ds) };
}

/** Items inserted concurrently share their left origin (or, at the start, their parent and key). */
function positionKey(item: Y.Item): string {
  if (item.origin !== null) return `o${item.origin.client}:${item.origin.clock}`;
  if (item.rightOrigin !== null) return `r${item.rightOrigin.client}:${item.rightOrigin.clock}`;
  const parent = item.parent;
  const p = typeof parent === 'string' ? `#${parent}` : parent instanceof Y.ID ? `${parent.client}:${parent.clock}` : '?';
  return `p${p}|${item.parentSub ?? ''}`;
}

/** Any shared type (the walk reads only its `_start` and `_map`). */
type Type = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const has = (store: Y.Doc['store'], id: Y.ID): boolean => id.clock < Y.getState(store, id.client);

/**
 * How many items the document already holds at `item`'s position with the same origin; null when
 * the walk over that neighbourhood runs out of budget (the region is itself the problem).
 */
function concurrentInDoc(doc: Y.Doc, item: Y.Item, walk: { steps: number }): number | null {
  const store = doc.store;
  let start: Y.Item | null = null;
  if (item.origin !== null) {
    if (!has(store, item.origin)) return 0;
    const left = Y.getItem(store, item.origin);
    // An origin inside a longer item: nothing was ever inserted right after it (that would split it).
    if (!(left instanceof Y.Item) || left.id.clock + left.length - 1 !== item.origin.clock) return 0;
    start = left.right;
  } else {
    let type: Type | null = null;
    let sub: string | null = item.parentSub;
    if (item.rightOrigin !== null) {
      if (!has(store, item.rightOrigin)) return 0;
      const right = Y.getItem(store, item.rightOrigin);
      if (!(right instanceof Y.Item)) return 0;
      type = right.parent as Type;
      sub = right.parentSub;
    } else if (typeof item.parent === 'string') {
      type = doc.share.get(item.parent) ?? null;
    } else if (item.parent instanceof Y.ID) {
      if (!has(store, item.parent)) return 0;
      const holder = Y.getItem(store, item.parent);
      type = holder instanceof Y.Item && holder.content instanceof Y.ContentType ? holder.content.type : null;
    }
    if (type === null) return 0;
    if (sub !== null) {
      start = type._map.get(sub) ?? null;
      while (start !== null && start.left !== null) {
        if (++walk.steps > WALK_BUDGET) return null;
        start = start.left;
      }
    } else start = type._start;
  }
  // The same walk Yjs makes when it integrates: past items with this origin and past whatever was
  // inserted after them, up to the first item that belongs to neither.
  const seen = new Set<Y.Item>();
  let count = 0;
  for (let o = start; o !== null; o = o.right) {
    if (++walk.steps > WALK_BUDGET) return null;
    const sameOrigin = o.origin === null ? item.origin === null : item.origin !== null && Y.compareIDs(o.origin, item.origin);
    if (sameOrigin) count++;
    else if (o.origin === null || !has(store, o.origin) || !seen.has(Y.getItem(store, o.origin) as Y.Item)) break;
    seen.add(o);
  }
  return count;
}

/** Whether the update depends on structs neither the document nor the update holds. */
function refersToMissing(store: Y.Doc['store'], structs: ReturnType<typeof Y.decodeUpdate>['structs'], ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  // The clock range the update covers per client, contiguous from the first struct it carries.
  const ranges = new Map<number, { from: number; to: number }>();
  for (const s of structs) {
    const r = ranges.get(s.id.client);
    if (r === undefined) ranges.set(s.id.client, { from: s.id.clock, to: s.id.clock + s.length });
    else r.to = Math.max(r.to, s.id.clock + s.length);
  }
  for (const [client, r] of ranges) if (r.from > Y.getState(store, client)) return true;
  const known = (id: Y.ID): boolean => {
    if (has(store, id)) return true;
    const r = ranges.get(id.client);
    return r !== undefined && id.clock >= r.from && id.clock < r.to;
  };
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (s.origin !== null && !known(s.origin)) return true;
    if (s.rightOrigin !== null && !known(s.rightOrigin)) return true;
    if (s.parent instanceof Y.ID && !known(s.parent)) return true;
  }
  for (const [client, deletes] of ds.clients) {
    const end = Math.max(Y.getState(store, client), ranges.get(client)?.to ?? 0);
    for (const d of deletes) if (d.clock + d.len > end) return true;
  }
  return false;
}
