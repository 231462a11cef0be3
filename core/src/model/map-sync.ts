// Minimal writes to a Y.Map of plain values. Why: every relay write is stored and broadcast to every
// reader, so rewriting a whole directory or member list on each sync would grow the update log and
// wake every client; only keys whose content changed are written.
import type * as Y from 'yjs';
import { plainJson, sameJson } from './canonical-json.js';

/** Sets `key` to `value` unless it already holds equal content. Returns whether it wrote. */
export function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): boolean {
  if (map.has(key) && sameJson(map.get(key), value)) return false;
  map.set(key, plainJson(value));
  return true;
}

/**
 * Makes the map hold exactly `desired` (replace-all semantics): sets changed keys, deletes absent
 * ones, leaves equal ones alone. Returns the number of keys written or deleted.
 */
export function replaceMapContents(map: Y.Map<unknown>, desired: ReadonlyMap<string, unknown>): number {
  let writes = 0;
  for (const key of [...map.keys()]) {
    if (!desired.has(key)) {
      map.delete(key);
      writes++;
    }
  }
  for (const [key, value] of desired) if (setIfChanged(map, key, value)) writes++;
  return writes;
}

/** A set of ids as map contents: id → true. */
export function idSet(ids: Iterable<string>): Map<string, true> {
  return new Map([...ids].map((id) => [id, true] as const));
}
