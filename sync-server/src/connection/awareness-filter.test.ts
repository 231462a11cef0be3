import { describe, expect, it } from 'vitest';
import { decodeAwarenessEntries, encodeAwarenessEntries, filterAwareness } from './awareness-filter.js';

describe('awareness filter', () => {
  const entry = (clientId: number, state: unknown) => ({ clientId, clock: 1, state: JSON.stringify(state) });

  it('keeps only states naming the person (user.id or person) and removals of own client ids', () => {
    const entries = [
      entry(1, { user: { id: 'alice', name: 'Alice' } }),
      entry(2, { person: 'alice' }),
      entry(3, { user: { id: 'bob' } }),
      entry(4, { cursor: 1 }),
      entry(5, null),
      entry(6, null),
    ];
    expect(filterAwareness(entries, 'alice', new Set([5])).map((e) => e.clientId)).toEqual([1, 2, 5]);
  });

  it('round-trips the wire format and refuses garbage', () => {
    const entries = [entry(7, { person: 'x' }), entry(8, null)];
    expect(decodeAwarenessEntries(encodeAwarenessEntries(entries))).toEqual(entries);
    expect(() => decodeAwarenessEntries(new Uint8Array([5, 1]))).toThrow();
  });
});
