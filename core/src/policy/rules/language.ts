// Respectful language: insults, slurs, sexual terms and profanity. Why obscenity: a maintained
// English dataset with whitelists for innocent words that contain a listed one ("Scunthorpe",
// "assassin", "cocktail") beats any hand list. We feed it text already folded by normalise.ts (no
// invisible characters, accents or look-alike letters); its own transformers then resolve
// leetspeak and repeated letters. Obscenity is slow (about 0.25 µs per character), so the text is
// cut into pieces of a few sentences and each piece's matches are memoised: a keystroke re-reads
// one piece.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { originalSpan } from '../normalise.js';
import type { LanguageCategory, LanguageRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, Memo, type RuleCheck } from './rule-check.js';

const CATEGORY_OF: Record<string, LanguageCategory> = {};
const put = (category: LanguageCategory, words: string) => {
  for (const w of words.split(',')) CATEGORY_OF[w] = category;
};
put('slur', 'abo,abeed,africoon,arabush,boonga,chingchong,chink,dyke,fag,kike,negro,nigger,retard,spastic,tranny');
put('insult', 'bastard,bitch,cuck,cunt,prick,slut,twat,whore');
put(
  'sexual',
  'anal,anus,bestiality,blowjob,boob,buttplug,cum,deepthroat,dildo,doggystyle,double penetration,ejaculate,felch,fellatio,finger bang,fisting,gangbang,handjob,hentai,hooker,incest,jerk off,jizz,lubejob,masturbate,orgasm,orgy,penis,porn,rape,scat,semen,sex,tit,vagina',
);
put('profanity', 'arse,ass,bollocks,cock,dick,fuck,piss,shit,turd,wank');

/**
 * Innocent words that the dataset's own whitelist misses (its repeated-letter folding turns
 * "shiitake" into "shitake" before the whitelist sees it). Rules add their own with `allowWords`.
 */
const INNOCENT_WORDS = ['shiitake', 'penistone', 'cumin', 'rapeseed', 'twatt', 'scunthorpe'];

const LETTER = /[\p{L}\p{N}]/u;

/** The whole word of `text` around [start, end). */
function enclosingWord(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && LETTER.test(text.charAt(s - 1))) s--;
  while (e < text.length && LETTER.test(text.charAt(e))) e++;
  return text.slice(s, e);
}

export const CATEGORY_DETAIL: Record<LanguageCategory, string> = {
  slur: 'a slur',
  insult: 'an insult',
  sexual: 'sexual language',
  profanity: 'profanity',
};

interface Hit {
  start: number; // in the chunk, inclusive
  end: number; // in the chunk, exclusive
  word: string;
}

let shared: { matcher: RegExpMatcher; memo: Memo<Hit[]> } | null = null;

function engine() {
  if (shared) return shared;
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const memo = new Memo<Hit[]>(4096);
  shared = { matcher, memo };
  return shared;
}

function scan(chunk: string): Hit[] {
  const { matcher } = engine();
  return matcher.getAllMatches(chunk, true).map((m) => ({
    start: m.startIndex,
    end: m.endIndex + 1,
    word: englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '',
  }));
}

const MIN_CHUNK = 160;
const MAX_CHUNK = 500;

/**
 * Pieces of `text` to scan and memoise: [start, end) pairs covering it. A piece ends at a sentence
 * end once it is MIN_CHUNK long (obscenity costs ~20 µs per call on top of its cost per character,
 * so pieces should not be tiny), or at a space once it is MAX_CHUNK long (so a keystroke never
 * re-reads much). Boundaries depend only on the text nearby, so an edit changes one or two pieces
 * and the memo still knows the others.
 */
function chunks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const gap = /\s+/g;
  let start = 0;
  for (let m = gap.exec(text); m; m = gap.exec(text)) {
    const end = m.index + m[0].length;
    const length = m.index - start;
    const sentenceEnd = /[.!?]/.test(text.charAt(m.index - 1)) || m[0].includes('\n');
    if ((sentenceEnd && length >= MIN_CHUNK) || length >= MAX_CHUNK) {
      out.push([start, end]);
      start = end;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

export function prepareLanguage(rule: LanguageRule): RuleCheck {
  const ignore = new Set(rule.ignore);
  const innocent = new Set([...INNOCENT_WORDS, ...rule.allowWords]);
  const severityOf = (category: LanguageCategory) => rule.categories[category] ?? rule.severity;
  return ({ fields }) => {
    const { memo } = engine();
    const out: Finding[] = [];
    for (const view of fields) {
      const { folded } = view.norm;
      const report = (start: number, end: number, word: string, spelled = false) => {
        if (ignore.has(word)) return;
        if (!spelled && innocent.has(enclosingWord(folded, start, end))) return;
        const category = CATEGORY_OF[word] ?? 'profanity';
        const severity = severityOf(category);
        if (severity === 'allow') return;
        const span = originalSpan(view.norm, start, end);
        if (out.some((f) => f.field === view.field && f.start === span.start && f.end === span.end)) return;
        out.push(finding(rule, severity, view.field, span.start, span.end, CATEGORY_DETAIL[category]));
      };
      for (const [from, to] of chunks(folded)) {
        for (const hit of memo.get(folded.slice(from, to), scan)) report(from + hit.start, from + hit.end, hit.word);
      }
      // Spelled-out letters ("f u c k", "f.u.c.k"): the dataset reads words, so read them joined.
      for (const c of view.words) {
        if (c.kind !== 'spelled') continue;
        const letters = folded.slice(c.start, c.end).replace(/[^\p{L}\p{N}@$]/gu, '');
        for (const hit of memo.get(letters, scan)) report(c.start, c.end, hit.word, true);
      }
    }
    return out;
  };
}
