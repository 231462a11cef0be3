import { describe, expect, it } from 'vitest';
import { createStrings } from './strings.js';

const s = createStrings('en');

describe('strings', () => {
  it('fills placeholders and formats numbers', () => {
    expect(s.t('post.inSpace', { space: 'General' })).toBe('in General');
    expect(s.t('connection.unsaved', { count: 1234 })).toBe('1,234 changes not yet saved to server');
  });

  it('picks plural forms with Intl.PluralRules, and an explicit zero form', () => {
    expect(s.t('post.comments', { count: 1 })).toBe('1 comment');
    expect(s.t('post.comments', { count: 2 })).toBe('2 comments');
    expect(s.t('post.comments', { count: 0 })).toBe('No comments');
    expect(s.t('people.count', { count: 0 })).toBe('0 people');
  });

  it('words times relative to now, falling back to the date after a week', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    expect(s.formatRelative(now - 10_000, now)).toBe('now');
    expect(s.formatRelative(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(s.formatRelative(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(s.formatRelative(now - 30 * 86_400_000, now)).toBe(s.formatDate(now - 30 * 86_400_000));
  });

  it('joins names as a list', () => {
    expect(s.formatList(['Anna', 'Ben', 'Chloé'])).toBe('Anna, Ben, and Chloé');
  });

  it('formats in another locale', () => {
    const fr = createStrings('fr');
    expect(fr.formatNumber(1234.5)).toMatch(/1\s234,5/u);
    expect(fr.formatRelative(Date.UTC(2026, 0, 1) - 120_000, Date.UTC(2026, 0, 1))).toBe('il y a 2 minutes');
  });
});
