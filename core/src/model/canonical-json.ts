// Deterministic JSON: object keys sorted, no whitespace, undefined properties left out. Why: the
// relay hashes an entry's canonical form to tell a new version from a replay, and relay writers
// compare canonical forms to write only what changed; both need one spelling per value.
import type { OutboxEntry } from './types.js';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/** The value as plain JSON data with sorted keys and no undefined properties (safe to store). */
export function plainJson<T>(value: T): T {
  return sortKeys(value) as T;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * The canonical text of an entry's content, for hashing. Two snapshots of the same entry state give
 * the same string whatever device or key order produced them.
 */
export function canonicalEntry(entry: OutboxEntry): string {
  return canonicalJson(entry);
}

/** Whether two JSON-like values are equal by content. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
