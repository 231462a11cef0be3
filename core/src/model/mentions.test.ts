import { describe, expect, it } from 'vitest';
import { isMassMention, parseMentions } from './mentions.js';

describe('parseMentions', () => {
  it('finds each mention with its offsets', () => {
    const text = 'Thanks <@ana.lima> and <@bo-k>!';
    const found = parseMentions(text);
    expect(found).toEqual([
      { person: 'ana.lima', start: 7, end: 18 },
      { person: 'bo-k', start: 23, end: 30 },
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(`<@${m.person}>`);
  });

  it('gives the same answer on repeated calls (no shared regex state)', () => {
    expect(parseMentions('<@a> <@b>')).toEqual(parseMentions('<@a> <@b>'));
  });

  it('recognises mass mentions and ignores malformed ones', () => {
    const found = parseMentions('<@all> <@here> <@> <@ spaced> @plain <@-bad>');
    expect(found.map((m) => m.person)).toEqual(['all', 'here']);
    expect(found.every(isMassMention)).toBe(true);
  });

  it('returns nothing for text without mentions', () => {
    expect(parseMentions('')).toEqual([]);
    expect(parseMentions('mail me at ana@example.com')).toEqual([]);
  });
});
