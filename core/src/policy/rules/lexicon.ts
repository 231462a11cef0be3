// The maintained word lists the language rule reads besides obscenity's English dataset. Why these:
// obscenity knows English profanity, slurs and sexual words, but not the everyday insults aimed at
// colleagues ("idiot", "moron", "stupid") nor any other language. Both come from maintained lists
// instead of a hand list in this code:
//   - cuss (MIT, wooorm/cuss): English words with a rating of how sure it is that they offend; the
//     words it rates 2 ("likely") that obscenity does not know are reported as insults.
//   - naughty-words (CC-BY-4.0, the LDNOOBW "List of Dirty, Naughty, Obscene and Otherwise Bad
//     Words"): German, Portuguese, Hindi (romanised, as Hindi/English is written in chat) and
//     Japanese, the languages the demo company works in besides English. LDNOOBW has no categories;
//     its words are reported as profanity.
// Both lists carry words that are innocent in a workplace ("welfare", "flange", "cerveja",
// "挿入"): lexicon-innocent.ts lists them per language, with the tests that found them.
import { cuss } from 'cuss';
import de from 'naughty-words/de.json' with { type: 'json' };
import hi from 'naughty-words/hi.json' with { type: 'json' };
import ja from 'naughty-words/ja.json' with { type: 'json' };
import pt from 'naughty-words/pt.json' with { type: 'json' };
import { normaliseTerm } from '../normalise.js';
import type { LanguageCategory } from '../rule-schemas.js';
import { INNOCENT_IN_LISTS } from './lexicon-innocent.js';

export interface LexiconWord {
  /** The word as the list writes it. */
  word: string;
  category: LanguageCategory;
  /** Where it comes from: 'cuss' or 'ldnoobw-<language>'. */
  source: string;
}

export interface Lexicon {
  /** Normalised word or phrase (normaliseTerm: skeleton, words joined by one space) → its entry. */
  words: Map<string, LexiconWord>;
  /** First words of phrases of several words, and the longest phrase in words. */
  heads: Set<string>;
  maxWords: number;
  /** Japanese is written without spaces: its words are found inside the text, longest first. */
  japanese: RegExp | null;
}

/** Japanese words shorter than this are too often part of ordinary words to be found inside text. */
const MIN_JAPANESE_LENGTH = 3;

let built: Lexicon | null = null;

/** The lexicon, built on first use (a few thousand words, once per process). */
export function lexicon(): Lexicon {
  if (built) return built;
  const words = new Map<string, LexiconWord>();
  const heads = new Set<string>();
  let maxWords = 1;
  const add = (word: string, category: LanguageCategory, source: string, innocent: ReadonlySet<string>) => {
    if (innocent.has(word.toLowerCase())) return;
    const key = normaliseTerm(word);
    if (key === '' || words.has(key) || innocent.has(key)) return;
    words.set(key, { word, category, source });
    const parts = key.split(' ');
    if (parts.length > 1) {
      heads.add(parts[0] as string);
      maxWords = Math.max(maxWords, parts.length);
    }
  };
  const innocentEn = new Set<string>(INNOCENT_IN_LISTS.en);
  for (const [word, rating] of Object.entries(cuss)) if (rating >= 2) add(word, 'insult', 'cuss', innocentEn);
  const latin: [string, readonly string[]][] = [['de', de], ['pt', pt], ['hi', hi]];
  for (const [language, list] of latin) {
    const innocent = new Set<string>(INNOCENT_IN_LISTS[language as keyof typeof INNOCENT_IN_LISTS]);
    for (const word of list) add(word, 'profanity', `ldnoobw-${language}`, innocent);
  }
  const innocentJa = new Set<string>(INNOCENT_IN_LISTS.ja);
  const japaneseWords = (ja as readonly string[])
    .map((w) => w.normalize('NFC'))
    .filter((w) => [...w].length >= MIN_JAPANESE_LENGTH && /[\u3040-\u30ff\u3400-\u9fff]/u.test(w) && !innocentJa.has(w))
    .sort((a, b) => b.length - a.length);
  for (const w of japaneseWords) words.set(w, { word: w, category: 'profanity', source: 'ldnoobw-ja' });
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const japanese = japaneseWords.length > 0 ? new RegExp(japaneseWords.map(escape).join('|'), 'gu') : null;
  built = { words, heads, maxWords, japanese };
  return built;
}
