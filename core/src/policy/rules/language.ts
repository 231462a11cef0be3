// Respectful language: insults, slurs, sexual terms and profanity. Why obscenity: a maintained
// English dataset with whitelists for innocent words that contain a listed one ("Scunthorpe",
// "assassin", "cocktail") beats any hand list. We feed it text already folded by normalise.ts (no
// invisible characters, accents or look-alike letters); its own transformers then resolve
// leetspeak and repeated letters. language-engine.ts reads the text word by word, memoised.
// Insults at colleagues and other languages come from maintained lists too (lexicon.ts), matched
// as whole words and phrases on the same normalised words the confidential terms use (so "1d10t",
// "i d i o t" and "Arschl0ch" are found), and Japanese inside the text.
import { originalSpan } from '../normalise.js';
import type { LanguageCategory, LanguageRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { scanWhole, scanWords } from './language-engine.js';
import { lexicon } from './lexicon.js';
import { finding, type FieldView, type RuleCheck } from './rule-check.js';

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
const INNOCENT_WORDS = [
  'shiitake', 'penistone', 'cumin', 'rapeseed', 'twatt', 'scunthorpe',
  'fu', // a surname (Fu)
  // Portuguese words that begin like an English one ("cum"): the demo company works in Portuguese.
  'cumprimento', 'cumprimentos', 'cumprir', 'cumpre', 'cumprido', 'cumprida', 'cume', 'cumplice', 'cumplicidade',
];

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

export function prepareLanguage(rule: LanguageRule): RuleCheck {
  const ignore = new Set(rule.ignore);
  const innocent = new Set([...INNOCENT_WORDS, ...rule.allowWords]);
  const severityOf = (category: LanguageCategory) => rule.categories[category] ?? rule.severity;
  return ({ fields }) => {
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
      for (const hit of scanWords(folded, view.norm.skeleton)) report(hit.start, hit.end, hit.word);
      // Spelled-out letters ("f u c k", "f.u.c.k"): the dataset reads words, so read them joined.
      for (const c of view.words) {
        if (c.kind !== 'spelled') continue;
        const letters = folded.slice(c.start, c.end).replace(/[^\p{L}\p{N}@$]/gu, '');
        for (const hit of scanWhole(letters)) report(c.start, c.end, hit.word, true);
      }
      const found = out.filter((f) => f.field === view.field);
      const overlaps = (start: number, end: number) => found.some((f) => f.start < end && start < f.end);
      for (const hit of lexiconHits(view)) {
        if (ignore.has(hit.word.toLowerCase()) || innocent.has(hit.key)) continue;
        const severity = severityOf(CATEGORY_OF[hit.key] ?? hit.category);
        if (severity === 'allow') continue;
        const span = hit.original ? { start: hit.start, end: hit.end } : originalSpan(view.norm, hit.start, hit.end);
        if (overlaps(span.start, span.end)) continue;
        const f = finding(rule, severity, view.field, span.start, span.end, CATEGORY_DETAIL[CATEGORY_OF[hit.key] ?? hit.category]);
        out.push(f);
        found.push(f);
      }
    }
    return out;
  };
}

interface LexiconHit {
  key: string;
  word: string;
  category: LanguageCategory;
  start: number;
  end: number;
  /** true: offsets into the original text (Japanese); false: into the folded text. */
  original: boolean;
}

/**
 * Whole words and phrases of the lexicon among the field's words (single words, words rejoined
 * across punctuation or spelled out, and phrases starting at a phrase head), then Japanese words
 * inside the original text.
 */
function lexiconHits(view: FieldView): LexiconHit[] {
  const { words, heads, maxWords, japanese } = lexicon();
  const hits: LexiconHit[] = [];
  const hit = (key: string, start: number, end: number, original = false) => {
    const entry = words.get(key);
    if (entry) hits.push({ key, word: entry.word, category: entry.category, start, end, original });
  };
  for (const c of view.words) hit(c.text, c.start, c.end);
  const { tokens } = view;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as (typeof tokens)[number];
    if (!heads.has(first.text)) continue;
    let key = first.text;
    for (let j = i + 1; j < tokens.length && j - i < maxWords; j++) {
      const next = tokens[j] as (typeof tokens)[number];
      key += ` ${next.text}`;
      hit(key, first.start, next.end);
    }
  }
  if (japanese !== null && JAPANESE.test(view.text)) {
    const re = new RegExp(japanese.source, japanese.flags);
    for (let m = re.exec(view.text); m; m = re.exec(view.text)) hit(m[0], m.index, m.index + m[0].length, true);
  }
  // The longest first: "filho da puta" is one finding, not "puta".
  return hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;
