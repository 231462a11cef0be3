// Properties of normalisation: however a term is disguised with the tricks normalise.ts undoes,
// it is still found, and the span still covers exactly what the author typed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { normalise } from './normalise.js';
import { testPolicy } from './test-policy.js';

const policy = testPolicy([{ kind: 'confidential-terms', terms: ['Bluebird', 'Northwind'] }]);

const LOOK_ALIKES: Record<string, string[]> = {
  b: ['\u0432'.toUpperCase()], // Cyrillic Ve (capital)
  e: ['\u0435'], // Cyrillic ie
  i: ['\u0456'], // Cyrillic i
  o: ['\u043E', '\u03BF'], // Cyrillic o, Greek omicron
  d: ['\u0501'], // Cyrillic komi de
  h: ['\u04BB'], // Cyrillic shha
  n: ['\u039D'], // Greek capital nu
};
const LEET: Record<string, string> = { o: '0', i: '1', l: '1', e: '3', a: '4', s: '5', t: '7' };
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];

/** One letter disguised by a random choice of tricks. */
const disguisedLetter = (letter: string) =>
  fc
    .record({
      form: fc.constantFrom('plain', 'upper', 'look-alike', 'leet', 'fullwidth'),
      accent: fc.boolean(),
      invisible: fc.option(fc.constantFrom(...INVISIBLE), { nil: undefined }),
    })
    .map(({ form, accent, invisible }) => {
      let c = letter;
      if (form === 'upper') c = letter.toUpperCase();
      if (form === 'look-alike' && LOOK_ALIKES[letter]) c = LOOK_ALIKES[letter][0] ?? c;
      if (form === 'leet' && LEET[letter]) c = LEET[letter];
      if (form === 'fullwidth') c = String.fromCharCode(letter.toUpperCase().charCodeAt(0) + 0xfee0);
      if (accent && /[a-z]/i.test(c)) c += '\u0301';
      return c + (invisible ?? '');
    });

const disguised = (term: string) => fc.tuple(...[...term].map(disguisedLetter)).map((parts) => parts.join(''));

describe('obfuscation', () => {
  it.each(['bluebird', 'northwind'])('still finds %s, underlining exactly the disguised word', (term) => {
    fc.assert(
      fc.property(disguised(term), fc.constantFrom('', ' ', '(', '#'), (word, before) => {
        const body = `Status of ${before}${word}${before === '(' ? ')' : ''} today.`;
        const v = evaluate(policy, { body, space: 'general' });
        expect(v.findings.map((f) => body.slice(f.start, f.end).replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]+$/, ''))).toEqual([
          word.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]+$/, ''),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('maps any text back within bounds, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const n = normalise(text);
        expect(n.starts.length).toBe(n.folded.length);
        expect(n.skeleton.length).toBe(n.folded.length);
        for (let i = 0; i < n.starts.length; i++) {
          const s = n.starts[i] ?? -1;
          const e = n.ends[i] ?? -1;
          expect(0 <= s && s < e && e <= text.length).toBe(true);
          if (i > 0) expect(s).toBeGreaterThanOrEqual(n.starts[i - 1] ?? 0);
        }
      }),
    );
  });

  // 100 random texts of never-seen words each read whole by obscenity: ~2 s alone, several times
  // that on a busy 2-core CI machine, hence the longer bound.
  it('never throws and keeps every span inside its field', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (body) => {
        for (const f of evaluate(policy, { body, space: null }).findings) {
          expect(0 <= f.start && f.start <= f.end && f.end <= body.length).toBe(true);
        }
      }),
    );
  });
});
