// Respectful language: insults, slurs, sexual terms and profanity. Why obscenity: a maintained
// English dataset with whitelists for innocent words that contain a listed one ("Scunthorpe",
// "assassin", "cocktail") beats any hand list. We feed it text already folded by normalise.ts (no
// invisible characters, accents or look-alike letters); its own transformers then resolve
// leetspeak and repeated letters. language-engine.ts reads the text word by word, memoised.
import { originalSpan } from '../normalise.js';
import type { LanguageCategory, LanguageRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { scanWhole, scanWords } from './language-engine.js';
import { finding, type RuleCheck } from './rule-check.js';

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
    }
    return out;
  };
}
