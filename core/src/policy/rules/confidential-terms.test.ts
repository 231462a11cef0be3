import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { testPolicy } from '../test-policy.js';

const policy = testPolicy([
  {
    kind: 'confidential-terms',
    terms: [{ term: 'Bluebird', allowedIn: ['media-wing'] }, 'Northwind', 'Lantern Panel', 'Project Saffron', "O'Hare"],
  },
]);

const spansOf = (body: string, space: string | null = 'general') =>
  evaluate(policy, { body, space }).findings.map((f) => body.slice(f.start, f.end));

// [text, the span the composer must underline]
const MUST_CATCH: [string, string][] = [
  ['Bluebird ships on Monday', 'Bluebird'],
  ['status of BLUEBIRD?', 'BLUEBIRD'],
  ['(bluebird)', 'bluebird'],
  ['#bluebird', 'bluebird'],
  ["Bluebird's budget", "Bluebird's"],
  ['two Bluebirds', 'Bluebirds'],
  ['the Blue-bird study', 'Blue-bird'],
  ['blue.bird and more', 'blue.bird'],
  ['blue_bird', 'blue_bird'],
  ['B l u e b i r d', 'B l u e b i r d'],
  ['b.l.u.e.b.i.r.d', 'b.l.u.e.b.i.r.d'],
  ['b-l-u-e-b-i-r-d', 'b-l-u-e-b-i-r-d'],
  ['Blue\u200Bbird', 'Blue\u200Bbird'],
  ['Blue\u00ADbird', 'Blue\u00ADbird'],
  ['Blue\uFEFFbi\u2060rd', 'Blue\uFEFFbi\u2060rd'],
  ['\u0412luebird', '\u0412luebird'], // Cyrillic Ve
  ['Blu\u0435bird', 'Blu\u0435bird'], // Cyrillic ie
  ['B1uebird', 'B1uebird'],
  ['BLÜEBÏRD', 'BLÜEBÏRD'],
  ['Blue\u0301bird', 'Blue\u0301bird'], // combining acute
  ['\uFF22\uFF4C\uFF55\uFF45\uFF42\uFF49\uFF52\uFF44', '\uFF22\uFF4C\uFF55\uFF45\uFF42\uFF49\uFF52\uFF44'], // fullwidth
  ['@Northwind', 'Northwind'],
  ['N0rthw1nd', 'N0rthw1nd'],
  ['NORTH-WIND', 'NORTH-WIND'],
  ['N\u03BFrthwind', 'N\u03BFrthwind'], // Greek omicron
  ['a lantern panel survey', 'lantern panel'],
  ['Lantern   Panel', 'Lantern   Panel'],
  ['Lantern-Panel', 'Lantern-Panel'],
  ['about project saffron.', 'project saffron'],
  ['Project\nSaffron', 'Project\nSaffron'],
  ["flights via O'Hare", "O'Hare"],
  ['flights via OHare', 'OHare'],
];

const MUST_NOT_CATCH = [
  'a blue bird sang', // two ordinary words: a space is not an intra-word separator
  'Bluebirdsong is a band',
  'Northwinder',
  'the north wind blows',
  'Scunthorpe United',
  'a lantern on the panel',
  'Saffron buns in the project kitchen',
  'our panel of lanterns',
  'norþwind', // thorn is a letter of its own, not a look-alike
  'b l u e bird', // letters spelled out only in part
  'bluebir d',
];

describe('confidential terms', () => {
  it.each(MUST_CATCH)('catches %j', (body, span) => {
    expect(spansOf(body)).toEqual([span]);
  });

  it.each(MUST_NOT_CATCH)('does not catch %j', (body) => {
    expect(spansOf(body)).toEqual([]);
  });

  it('allows a scoped term in its own space and holds it elsewhere and in direct messages', () => {
    expect(spansOf('Bluebird update', 'media-wing')).toEqual([]);
    expect(spansOf('Bluebird update', 'general')).toEqual(['Bluebird']);
    expect(spansOf('Bluebird update', null)).toEqual(['Bluebird']);
    expect(spansOf('Northwind update', 'media-wing')).toEqual(['Northwind']);
  });

  it('never repeats the term in what it reports', () => {
    const v = evaluate(policy, { title: 'Northwind', body: 'x', space: 'general' });
    expect(v.action).toBe('hold');
    expect(v.findings).toHaveLength(1);
    expect(JSON.stringify(v.findings).toLowerCase()).not.toContain('northwind');
    expect(v.findings[0]).toMatchObject({ field: 'title', start: 0, end: 9 });
  });

  it('reports the longest of overlapping terms once', () => {
    const p = testPolicy([{ kind: 'confidential-terms', terms: ['Northwind', 'Northwind Traders'] }]);
    const body = 'Northwind Traders and Northwind';
    const spans = evaluate(p, { body, space: null }).findings.map((f) => body.slice(f.start, f.end));
    expect(spans).toEqual(['Northwind Traders', 'Northwind']);
  });
});
