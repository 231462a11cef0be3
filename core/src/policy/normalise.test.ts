import { describe, expect, it } from 'vitest';
import { normalise, normaliseTerm, originalSpan } from './normalise.js';

describe('normalise', () => {
  it.each([
    ['Hello', 'hello'],
    ['Crème Brûlée', 'creme brulee'],
    ['zero\u200Bwidth\u200Djoin\uFEFF', 'zerowidthjoin'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['a\uFE0Fb\u2063c\u{E0041}d\u202Ee', 'abcde'], // variation selector, invisible separator, tag, bidi
    ['\u0421\u0430\u0440', 'cap'], // Cyrillic look-alikes
    ['\uFF28\uFF49', 'hi'], // fullwidth
    ['\u{1D401}old', 'bold'], // mathematical bold capital B
    ['Straße', 'strasse'],
    ['ﬁne', 'fine'],
  ])('folds %j to %j', (text, folded) => {
    expect(normalise(text).folded).toBe(folded);
  });

  it('reduces leetspeak in the skeleton only, letter for letter', () => {
    const n = normalise('N0rthw1nd l33t $5 p@ss @home');
    expect(n.folded).toBe('n0rthw1nd l33t $5 p@ss @home');
    expect(n.skeleton).toBe('northwind ieet $s pass @home');
    expect(n.skeleton).toHaveLength(n.folded.length);
  });

  it('maps every folded character back to the characters the author typed', () => {
    const text = 'a\u200B😀B\u0301ß';
    const n = normalise(text);
    expect(n.folded).toBe('a😀bss');
    // "😀" is two code units; both map to the emoji; "ss" both map to "ß".
    expect(Array.from(n.starts)).toEqual([0, 2, 2, 4, 6, 6]);
    expect(Array.from(n.ends)).toEqual([1, 4, 4, 5, 7, 7]);
    expect(originalSpan(n, 4, 6)).toEqual({ start: 6, end: 7 });
    const b = originalSpan(n, 3, 4);
    expect(text.slice(b.start, b.end)).toBe('B\u0301'); // the span takes the letter's accent along
  });

  it('normalises terms to words of their skeleton', () => {
    expect(normaliseTerm('  Northwind   Traders ')).toBe('northwind traders');
    expect(normaliseTerm('Blue-Bird')).toBe('biuebird');
    expect(normaliseTerm("O'Hare")).toBe('ohare');
    expect(normaliseTerm('---')).toBe('');
  });
});
