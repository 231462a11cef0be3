import { describe, expect, it } from 'vitest';
import type { StatusFinding } from '../model/types.js';
import { editCanFix } from './fixable.js';

const f = (severity: StatusFinding['severity'], field: StatusFinding['field']): Pick<StatusFinding, 'field' | 'severity'> => ({ severity, ...(field ? { field } : {}) });

describe('editCanFix', () => {
  it('a finding in the text can be edited away', () => {
    expect(editCanFix([f('hold', 'body')])).toBe(true);
    expect(editCanFix([f('reject', 'title'), f('hold', 'body')])).toBe(true);
    expect(editCanFix([f('reject', 'reason')])).toBe(true);
  });

  it('a refusal about where, what kind or what it refers to cannot', () => {
    // news-comms-only, announcement-not-allowed, post-not-found: the relay words them with field 'entry'.
    expect(editCanFix([f('reject', 'entry')])).toBe(false);
    expect(editCanFix([f('reject', undefined)])).toBe(false);
    // One unfixable finding is enough: no edit makes the entry publishable.
    expect(editCanFix([f('hold', 'body'), f('reject', 'entry')])).toBe(false);
  });

  it('only blocking findings count', () => {
    expect(editCanFix([f('flag', 'entry'), f('hold', 'body')])).toBe(true);
    expect(editCanFix([])).toBe(true);
  });
});
