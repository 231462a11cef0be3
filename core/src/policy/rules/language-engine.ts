// Finding listed words in folded text with obscenity, word by word. Why word by word: obscenity
// costs about 0.25 µs per character plus ~20 µs per call, far too slow to re-read a whole draft on
// every keystroke, but drafts are made of words that repeat (within a draft, from one keystroke to
// the next, across the posts a relay judges). Its matches never cross whitespace, with two
// exceptions in the English dataset: the whitelisted phrases ("van dyke", "kung fu", "pen is", ...)
// and one listed phrase ("double penetration"). A word that can begin one of those is read
// together with the next word; every other word is read alone and its result memoised. When a text
// brings many words never seen before (a new post on the relay, a paste), reading it whole once
// is cheaper than reading each word alone, and the result is shared out to the words' memos.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { skeletonOf } from '../fold-char.js';
import { Memo } from './rule-check.js';

export interface Hit {
  /** [start, end) in the text given to the scan. */
  start: number;
  end: number;
  /** The dataset's word ("fuck", "double penetration"). */
  word: string;
}

let engine: { matcher: RegExpMatcher; memo: Memo<Hit[]>; crossFirst: Set<string>; crossLongest: number } | null = null;

function theEngine() {
  if (engine) return engine;
  const built = englishDataset.build();
  const matcher = new RegExpMatcher({ ...built, ...englishRecommendedTransformers });
  // First words of dataset phrases that span two words, as written and as skeletons (so "d0uble"
  // is recognised too).
  const crossFirst = new Set<string>();
  const addFirst = (phrase: string) => {
    const first = phrase.split(' ')[0] ?? '';
    crossFirst.add(first);
    crossFirst.add(skeletonOf(first));
  };
  for (const term of built.whitelistedTerms ?? []) if (term.includes(' ')) addFirst(term);
  for (const term of built.blacklistedTerms) {
    const chars = term.pattern.nodes.flatMap((n) => ('chars' in n ? n.chars : 'childNode' in n && 'chars' in n.childNode ? n.childNode.chars : [0]));
    if (chars.includes(32)) addFirst(String.fromCharCode(...chars).toLowerCase());
  }
  const crossLongest = Math.max(0, ...[...crossFirst].map((w) => w.length));
  engine = { matcher, memo: new Memo<Hit[]>(50_000), crossFirst, crossLongest };
  return engine;
}

/** Every match obscenity finds in `text` read as a whole (no memo). */
export function scanWhole(text: string): Hit[] {
  return theEngine()
    .matcher.getAllMatches(text, true)
    .map((m) => ({
      start: m.startIndex,
      end: m.endIndex + 1,
      word: englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '',
    }));
}

const WORD = /\S+/g;
/** More words never seen than this, and the text is read whole once. */
const MANY_UNSEEN = 8;

/**
 * The matches in folded text, read word by word with memoised results. `skeleton` is the same
 * text's skeleton (normalise.ts), used to recognise the first word of a two-word phrase.
 */
export function scanWords(folded: string, skeleton: string): Hit[] {
  const { memo, crossFirst, crossLongest } = theEngine();
  const starts: number[] = [];
  const keys: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    starts.push(m.index);
    keys.push(m[0]);
  }
  const n = keys.length;
  const cross: boolean[] = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string;
    const at = starts[i] as number;
    cross[i] =
      i + 1 < n &&
      key.length <= crossLongest &&
      (crossFirst.has(key) || crossFirst.has(skeleton.slice(at, at + key.length)));
  }
  const alone = (i: number) => !cross[i] && !(i > 0 && cross[i - 1]);
  let unseen = 0;
  for (let i = 0; i < n && unseen <= MANY_UNSEEN; i++) if (alone(i) && !memo.has(keys[i] as string)) unseen++;
  if (unseen > MANY_UNSEEN) {
    // Read the whole text once; a match of a word read alone lies inside that word.
    const whole = scanWhole(folded);
    let h = 0;
    for (let i = 0; i < n; i++) {
      const start = starts[i] as number;
      const end = start + (keys[i] as string).length;
      while (h < whole.length && (whole[h] as Hit).start < start) h++;
      if (!alone(i)) continue;
      const own: Hit[] = [];
      for (let k = h; k < whole.length && (whole[k] as Hit).start < end; k++) {
        const hit = whole[k] as Hit;
        own.push({ start: hit.start - start, end: hit.end - start, word: hit.word });
      }
      memo.set(keys[i] as string, own);
    }
  }
  const out: Hit[] = [];
  for (let i = 0; i < n; i++) {
    const start = starts[i] as number;
    const end = start + (keys[i] as string).length;
    if (alone(i)) {
      const hits = memo.get(keys[i] as string, scanWhole);
      for (const hit of hits) out.push({ start: start + hit.start, end: start + hit.end, word: hit.word });
      continue;
    }
    // Read with the neighbour it may form a phrase with: the next word, or else the previous one.
    const [from, to] = cross[i]
      ? [start, (starts[i + 1] as number) + (keys[i + 1] as string).length]
      : [starts[i - 1] as number, end];
    for (const hit of memo.get(folded.slice(from, to), scanWhole)) {
      const s = from + hit.start;
      if (s >= start && s < end) out.push({ start: s, end: from + hit.end, word: hit.word });
    }
  }
  return out;
}
