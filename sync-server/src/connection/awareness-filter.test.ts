import { describe, expect, it } from 'vitest';
import { decodeAwarenessEntries, encodeAwarenessEntries, filterAwareness } from './awareness-filter.js';

describe('awareness filter', () => {
  const entry = (clientId: number, state: unknown) => ({ clientId, clock: 1, state: JSON.stringify(state) });

  it('keeps only states naming the person and removals of own client ids', () => {
    const entries = [
      entry(1, { user: { id: 'alice' } }),
      entry(2, { person: 'alice' }),
      entry(3, { user: { id: 'bob' } }),
      entry(4, { cursor: 1 }),
      entry(5, null),
      entry(6, null),
    ];
    const dropped: string[] = [];
    expect(filterAwareness(entries, 'alice', new Set([5]), 2048, (r) => dropped.push(r)).map((e) => e.clientId)).toEqual([1, 5]);
    expect(dropped).toEqual(['person', 'person', 'person', 'person']);
  });

  it('relays only the known presence fields: a claimed name never passes', () => {
    const [kept] = filterAwareness([entry(1, { user: { id: 'alice', name: 'Seema (Moderator)' }, typing: 'post-1', title: 'Moderator' })], 'alice', new Set(), 2048);
    expect(JSON.parse(kept!.state)).toEqual({ user: { id: 'alice' }, typing: 'post-1' });
  });

  it('drops a state over the size limit unread (even one that is not JSON)', () => {
    const dropped: string[] = [];
    const big = { clientId: 1, clock: 1, state: `{"user":{"id":"alice"},"x":"${'é'.repeat(1500)}"` };
    expect(filterAwareness([big], 'alice', new Set(), 2048, (r) => dropped.push(r))).toEqual([]);
    expect(dropped).toEqual(['size']);
  });

  it('round-trips the wire format and refuses garbage', () => {
    const entries = [entry(7, { user: { id: 'x' } }), entry(8, null)];
    expect(decodeAwarenessEntries(encodeAwarenessEntries(entries))).toEqual(entries);
    expect(() => decodeAwarenessEntries(new Uint8Array([5, 1]))).toThrow();
    expect(() => filterAwareness([{ clientId: 1, clock: 1, state: '{nope' }], 'x', new Set(), 2048)).toThrow();
  });
});
