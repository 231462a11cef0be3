import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './types.js';
import { judgementOrder } from './outbox-order.js';

// Only the fields the order looks at matter here; the entries are otherwise minimal.
const e = (id: string, type: string, refs: Record<string, string | null> = {}): OutboxEntry =>
  ({ id, type, createdAt: 0, ...refs }) as unknown as OutboxEntry;

describe('judgementOrder', () => {
  it('puts a post before a comment on it that sorts earlier (a device clock behind)', () => {
    const order = judgementOrder([e('01A', 'comment', { post: '01B', replyTo: null }), e('01B', 'post', { space: 's' })]);
    expect(order.map((x) => x.id)).toEqual(['01B', '01A']);
  });

  it('puts a reply after the comment it answers, and that after the post', () => {
    const order = judgementOrder([
      e('01A', 'comment', { post: '01C', replyTo: '01B' }),
      e('01B', 'comment', { post: '01C', replyTo: null }),
      e('01C', 'post', { space: 's' }),
      e('01D', 'reaction', { target: '01A' }),
    ]);
    expect(order.map((x) => x.id)).toEqual(['01C', '01B', '01A', '01D']);
  });

  it('acknowledgements first; otherwise id order is kept', () => {
    const order = judgementOrder([e('01A', 'post'), e('01B', 'post'), e('01C', 'ack', { policyVersion: '3' })]);
    expect(order.map((x) => x.id)).toEqual(['01C', '01A', '01B']);
  });

  it('a crafted cycle or a chain deeper than the call stack places every entry exactly once', () => {
    const cycle = judgementOrder([e('01A', 'comment', { post: '01B' }), e('01B', 'comment', { post: '01A' })]);
    expect(cycle.map((x) => x.id).sort()).toEqual(['01A', '01B']);
    const chain = Array.from({ length: 50_000 }, (_, i) => e(String(i).padStart(6, '0'), 'comment', { replyTo: String(i + 1).padStart(6, '0') }));
    const ordered = judgementOrder(chain);
    expect(ordered).toHaveLength(50_000);
    expect(ordered[0]!.id).toBe('049999');
  });
});
