// Reading word by word must find exactly what obscenity finds reading the whole text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.js';
import { scanWhole, scanWords } from './language-engine.js';

const POOL = [
  // listed words, disguised and not
  'fuck', 'FUCK', 'fuuuck', 'sh1t', '$hit', 'shit!', '(shit)', 'a$$', 'ass', 'asshole', 'bitch', 'dick', 'cock',
  'penis', 'anal', 'anus', 'dyke', 'double', 'd0uble', 'penetration', 'porn', 'tit', 'twat', 'cum', 'kike', 'chink',
  // whitelisted words and the parts of whitelisted phrases
  'van', 'dyke', 'kung', 'fu', 'kung-fu', 'pen', 'is', 'an', 'us', 'al', 'trojan', 'fan', 'chin', 'k', 's', 'hit', 'sh',
  'it', 'shi', 't', 'p', 'orna', 'baboon', 'ga', 'texan', 'assess', 'assessment', 'cockney', 'dickens', 'tetanus',
  'uranus', 'analog', 'Scunthorpe', 'cocktail', 'assassin', 'shitake',
  // ordinary words and punctuation
  'the', 'panel', 'report', 'weighting', 'a', 'I', 'we', '.', ',', '!', '42', '45s', 'who\'re',
];

const text = fc
  .array(fc.tuple(fc.constantFrom(...POOL), fc.constantFrom(' ', ' ', ' ', '  ', '\n', ' - ')), { maxLength: 24 })
  .map((parts) => parts.map(([w, gap]) => w + gap).join(''));

const sorted = <T extends { start: number; end: number; word: string }>(hits: T[]) =>
  [...hits].sort((a, b) => a.start - b.start || a.end - b.end || a.word.localeCompare(b.word));

describe('language engine', () => {
  it('finds the same matches word by word as in the whole text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalise(t);
        expect(sorted(scanWords(n.folded, n.skeleton))).toEqual(sorted(scanWhole(n.folded)));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['van dyke', []],
    ['the dyke', ['dyke']],
    ['double penetration', ['double penetration']],
    ['d0uble penetration', ['double penetration']],
    ['kung fu fuck', ['fuck']],
  ])('reads two-word phrases together: %j', (t, words) => {
    const n = normalise(t);
    expect(scanWords(n.folded, n.skeleton).map((h) => h.word)).toEqual(words);
  });
});
