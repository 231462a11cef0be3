import { describe, expect, it } from 'vitest';
import { isMassMention, mentionsToNotify, parseMentions } from './mentions.js';

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

describe('mentionsToNotify', () => {
  const everyone = () => true;
  it('notifies each person once, in order, never the author or a mass mention, up to the limit', () => {
    const text = '<@all> <@ana> <@me> <@bo> <@ana> <@cy> <@di>';
    expect(mentionsToNotify(text, { author: 'me', limit: 10, mayNotify: everyone })).toEqual(['ana', 'bo', 'cy', 'di']);
    expect(mentionsToNotify(text, { author: 'me', limit: 2, mayNotify: everyone })).toEqual(['ana', 'bo']);
  });

  it('counts only people who may be notified towards the limit', () => {
    const text = Array.from({ length: 60 }, (_, i) => `<@p${i}>`).join(' ');
    const readers = (p: string) => Number(p.slice(1)) % 2 === 0;
    expect(mentionsToNotify(text, { author: 'me', limit: 3, mayNotify: readers })).toEqual(['p0', 'p2', 'p4']);
  });
});
