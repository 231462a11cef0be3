import { describe, expect, it } from 'vitest';
import { presenceState, sanitizePresence } from './presence.js';

describe('presence (awareness states)', () => {
  it('keeps the person id and the known fields, and drops a claimed name and every unknown field', () => {
    const raw = {
      user: { id: 'alice', name: 'Seema (Moderator)', color: '#f00' },
      name: 'Seema (Moderator)',
      typing: 'post-1',
      viewing: 'post-1',
      cursor: { item: 'post-1', field: 'body', anchor: 3, head: 7, extra: 'x'.repeat(1000) },
      blob: 'x'.repeat(100_000),
    };
    expect(sanitizePresence(raw)).toEqual({
      user: { id: 'alice' },
      typing: 'post-1',
      viewing: 'post-1',
      cursor: { item: 'post-1', field: 'body', anchor: 3, head: 7 },
    });
  });

  it('drops invalid values field by field, and a state without a person entirely', () => {
    expect(sanitizePresence({ user: { id: 'alice' }, typing: 'x'.repeat(500), viewing: 42, cursor: { item: 'p', field: 'html', anchor: 0, head: 0 } })).toEqual({ user: { id: 'alice' } });
    expect(sanitizePresence({ user: { id: 'alice' }, typing: null })).toEqual({ user: { id: 'alice' }, typing: null });
    for (const raw of [null, 'alice', {}, { person: 'alice' }, { user: { id: '' } }, { user: { id: 'a b' } }, { user: 'alice' }]) {
      expect(sanitizePresence(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('a sanitised state is small whatever was sent', () => {
    const big = { user: { id: 'a'.repeat(64) }, viewing: 'b'.repeat(64), typing: 'c'.repeat(64), cursor: { item: 'd'.repeat(64), field: 'message', anchor: 1_000_000, head: 1_000_000 } };
    expect(JSON.stringify(sanitizePresence(big)).length).toBeLessThan(400);
    expect(sanitizePresence(presenceState('bob', { typing: 'post-9' }))).toEqual({ user: { id: 'bob' }, typing: 'post-9' });
  });
});
