// Confidential terms: project codenames, client names. Why hashes: the distributed policy only
// holds keyed hashes of the normalised terms, so the draft's words, rejoined words and phrases are
// hashed the same way and looked up. Whole words only: a term never matches inside a longer word
// ("Bluebirdsong" is not "Bluebird"); plurals and possessives are caught because compilePolicy also
// hashes "term+s" and "term+es" ("Bluebirds", "Northwind's" → "northwinds").
import { originalSpan } from '../normalise.js';
import type { ConfidentialTermsRule } from '../policy-schemas.js';
import type { TermDigest, TermHasher } from '../term-hash.js';
import type { Token } from '../tokens.js';
import type { Finding } from '../types.js';
import { finding, type FieldView, type Memo, type RuleCheck } from './rule-check.js';

export interface TermsContext {
  digest: (phrase: string) => TermDigest;
  /** The digests of a field's word candidates, computed once for all confidential-term rules. */
  wordDigests: (view: FieldView) => TermDigest[];
  maxPhraseWords: number;
}

/** Memoised hashing: drafts reuse most words from one keystroke to the next. */
export function termsContext(hasher: TermHasher, memo: Memo<TermDigest>, maxPhraseWords: number): TermsContext {
  const digest = (phrase: string) => memo.get(phrase, hasher);
  const perView = new WeakMap<FieldView, TermDigest[]>();
  const wordDigests = (view: FieldView) => {
    let known = perView.get(view);
    if (!known) {
      known = view.words.map((c) => digest(c.text));
      perView.set(view, known);
    }
    return known;
  };
  return { digest, wordDigests, maxPhraseWords };
}

/** hash → spaces it is allowed in (empty: allowed nowhere). The stricter group wins on overlap. */
function indexGroups(rule: ConfidentialTermsRule): Map<string, readonly string[]> {
  const index = new Map<string, readonly string[]>();
  for (const group of rule.groups) {
    for (const hash of group.hashes) {
      const before = index.get(hash);
      if (before === undefined) index.set(hash, group.allowedIn);
      else if (before.length === 0 || group.allowedIn.length === 0) index.set(hash, []);
      else index.set(hash, before.filter((s) => group.allowedIn.includes(s)));
    }
  }
  return index;
}

export function prepareConfidentialTerms(rule: ConfidentialTermsRule, ctx: TermsContext): RuleCheck {
  const terms = indexGroups(rule);
  const heads = new Set(rule.phraseHeads);
  return ({ draft, fields }) => {
    const out: Finding[] = [];
    for (const view of fields) {
      const spans: [number, number][] = [];
      const hit = (hash: string, start: number, end: number) => {
        const allowedIn = terms.get(hash);
        if (allowedIn === undefined) return;
        if (draft.space !== null && allowedIn.includes(draft.space)) return;
        if (spans.some(([s, e]) => s <= start && end <= e)) return; // inside a longer match
        spans.push([start, end]);
      };
      const digests = ctx.wordDigests(view);
      view.words.forEach((c, w) => {
        const d = digests[w] as TermDigest;
        hit(d.term, c.start, c.end);
        if (c.kind === 'joined') {
          // "lantern-panel" is also the phrase "lantern panel".
          const parts = view.tokens.slice(c.first, c.last + 1).map((t) => t.text);
          const head = ctx.digest(parts[0] ?? '').head;
          if (parts.length <= ctx.maxPhraseWords && heads.has(head)) hit(ctx.digest(parts.join(' ')).term, c.start, c.end);
        }
        if (c.kind !== 'word' || !heads.has(d.head)) return;
        let phrase = c.text;
        for (let n = 2; n <= ctx.maxPhraseWords; n++) {
          const next = view.tokens[c.first + n - 1] as Token | undefined;
          if (!next) break;
          phrase += ` ${next.text}`;
          hit(ctx.digest(phrase).term, c.start, next.end);
        }
      });
      // Keep the longest of overlapping matches ("northwind traders" over "northwind").
      spans.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
      const kept: [number, number][] = [];
      for (const s of spans) if (!kept.some(([a, b]) => a < s[1] && s[0] < b)) kept.push(s);
      kept.sort((a, b) => a[0] - b[0]);
      for (const [s, e] of kept) {
        const span = originalSpan(view.norm, s, e);
        out.push(finding(rule, rule.severity, view.field, span.start, span.end, 'a confidential name'));
      }
    }
    return out;
  };
}
