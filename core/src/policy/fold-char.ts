// Folds one character to the form the policy matches on. Why a per-character table: obfuscation
// hides a word behind look-alikes (Cyrillic "а" for Latin "a", fullwidth "Ｂ", "é"), and the
// composer must still underline the author's own characters, so every folded character has to stay
// traceable to the character it came from. Folding one code point at a time keeps that mapping
// trivial; the result is cached per code point.
import unhomoglyph from 'unhomoglyph';

/**
 * Invisible characters that change nothing for a reader but split a word for a naive matcher:
 * soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer inherent vowels,
 * Mongolian variation selectors and vowel separator, zero-width space/joiners and direction marks,
 * bidi embeddings, word joiner and invisible operators, bidi isolates, variation selectors, BOM.
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe007f], // tag characters
  [0xe0100, 0xe01ef], // variation selectors supplement
];

function isInvisible(code: number): boolean {
  return INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
}

const COMBINING_MARK = /\p{M}/gu;
const ASCII_ALNUM = /^[a-z0-9]+$/;

const cache = new Map<string, string>();

/**
 * The folded form of one character (a whole code point): '' for an invisible character, lower
 * case ASCII where the character is a Latin letter with marks or a look-alike of one, otherwise the
 * character in lower case. May be more than one character ("ß" → "ss", "ﬁ" → "fi").
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  const known = cache.get(ch);
  if (known !== undefined) return known;
  const folded = computeFold(ch);
  cache.set(ch, folded);
  return folded;
}

function computeFold(ch: string): string {
  if (isInvisible(ch.codePointAt(0) ?? 0)) return '';
  // Compatibility decomposition turns fullwidth, mathematical and ligature forms into plain letters;
  // dropping the combining marks removes accents ("é" → "e").
  const compat = ch.normalize('NFKD');
  const base = compat.replace(COMBINING_MARK, '');
  if (base === '' && compat !== '') return ''; // a lone combining mark
  const lower = base.toLowerCase();
  if (ASCII_ALNUM.test(lower)) return lower;
  if (lower === 'ß') return 'ss';
  // Look-alikes from other scripts (Cyrillic, Greek, Cherokee, ...), as the Unicode confusables
  // table lists them, tried as written and in lower case (Cyrillic "В" looks like "B", "в" does
  // not). Only a result of one or two ASCII letters counts, so nothing folds into punctuation.
  for (const form of [base, lower]) {
    const skeleton = unhomoglyph(form).toLowerCase();
    if (ASCII_ALNUM.test(skeleton) && skeleton.length <= 2) return skeleton;
  }
  return lower;
}

/** Leetspeak and the letters that look alike in ASCII, folded to one letter each (1:1). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  l: 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
};

const LEET_CHARS = /[013457l@$]/g;
const WORDISH = /[a-z0-9@$]/;

/**
 * The skeleton of already folded text, character for character: leetspeak digits become letters,
 * and "l" and "1" both become "i" (they are written for one another). Terms and drafts are both
 * reduced to skeletons, so "B1uebird", "BLUEBIRD" and "b1u3bird" meet. "@" and "$" count as
 * letters only after a letter or digit ("p@ss", "a$$"), so "@Northwind" and "$500" still start a
 * word where a reader sees one.
 */
export function skeletonOf(folded: string): string {
  return folded.replace(LEET_CHARS, (c: string, at: number) => {
    if ((c === '@' || c === '$') && !WORDISH.test(folded.charAt(at - 1))) return c;
    return LEET[c] ?? c;
  });
}
