// One list of notice kinds: whatever kind the relay may write, every reader accepts, and nothing else.
import { describe, expect, it } from 'vitest';
import { noticeSchema, parseOrNull } from './published-schemas.js';
import { NOTICE_KINDS } from './types.js';

const notice = (kind: string) => ({ id: 'n1', kind, createdAt: 1, message: '', entryId: null, space: null, about: null, findings: [] });

describe('notice kinds', () => {
  it.each(NOTICE_KINDS)('a %s notice is read', (kind) => {
    expect(parseOrNull(noticeSchema, notice(kind))?.kind).toBe(kind);
  });

  it('an unknown kind is skipped, not guessed', () => {
    expect(parseOrNull(noticeSchema, notice('shout'))).toBeNull();
  });
});
