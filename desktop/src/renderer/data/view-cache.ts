// One computed view per room document, version and reader, shared by every hook that asks. Why:
// reading a large space (tens of thousands of items) costs hundreds of milliseconds, and the home
// feed, the space screen, a person's page and the search indexer all read the same spaces.
import type * as Y from 'yjs';

type Reader<T> = (doc: Y.Doc) => T;

const cache = new WeakMap<Y.Doc, Map<Reader<unknown>, { version: number; view: unknown }>>();

export function cachedView<T>(doc: Y.Doc, version: number, read: Reader<T>): T {
  let perDoc = cache.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    cache.set(doc, perDoc);
  }
  const hit = perDoc.get(read as Reader<unknown>);
  if (hit && hit.version === version) return hit.view as T;
  const view = read(doc);
  perDoc.set(read as Reader<unknown>, { version, view });
  return view;
}

/** Memoise a derived value on the identity of its inputs (last call only, per key). */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const last = new Map<unknown, { args: A; result: R }>();
  return (...args: A) => {
    const key = args[0];
    const hit = last.get(key);
    if (hit && hit.args.length === args.length && hit.args.every((a, i) => Object.is(a, args[i]))) return hit.result;
    const result = fn(...args);
    last.set(key, { args, result });
    return result;
  };
}
