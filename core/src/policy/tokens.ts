// Words and the candidate phrases a draft offers to the confidential-term matcher. Why candidates:
// terms are only known as keyed hashes, so the matcher cannot search for them; it can only hash
// every word, word n-gram and de-obfuscated word of the draft and look the hash up. This module
// decides what counts as a word: whole words only (so "Scunthorpe" never contains a term), words
// rejoined across intra-word punctuation ("blue-bird", "blue.bird", "Northwind's" → "northwinds"),
// and spelled-out letters rejoined ("B l u e b i r d", "b.l.u.e.b.i.r.d").

/** A run of word characters in the skeleton, [start, end) in folded coordinates. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A candidate to hash: a word, a rejoined word, or a phrase of several words. */
export interface Candidate {
  text: string;
  start: number;
  end: number;
  /** Index of the first and the last token it covers. */
  first: number;
  last: number;
  /** 'word': one token; 'joined': parts joined by punctuation; 'spelled': spelled-out letters. */
  kind: 'word' | 'joined' | 'spelled';
}

const nonAsciiWord = new Map<number, boolean>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isWordCode(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  let known = nonAsciiWord.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(ch);
    nonAsciiWord.set(code, known);
  }
  return known;
}

export function tokenize(skeleton: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= skeleton.length; i++) {
    const code = i < skeleton.length ? skeleton.charCodeAt(i) : -1;
    const word = code >= 0 && isWordCode(code, skeleton.charAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      tokens.push({ text: skeleton.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return tokens;
}

/** Punctuation that joins the parts of one word: "blue-bird", "blue.bird", "o'brien". */
const JOINER = /^[-._'’‐‑]$/;
/** What may separate spelled-out letters: "b l u e", "b.l.u.e", "b - l - u - e". */
const LETTER_GAP = /^[\s.\-_*·•‐‑/]{1,3}$/;
const MAX_JOINED_PARTS = 4;
const MIN_SPELLED_LETTERS = 3;

/**
 * Single words and rejoined words. Phrases of several words are built by the caller only where a
 * word can start a confidential phrase (see rules/confidential-terms.ts).
 */
export function wordCandidates(skeleton: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    out.push({ text: t.text, start: t.start, end: t.end, first: i, last: i, kind: 'word' });
    // Rejoin across intra-word punctuation: "blue-bird" → "bluebird", "northwind's" → "northwinds".
    let joined = t.text;
    for (let j = i + 1; j < tokens.length && j - i < MAX_JOINED_PARTS; j++) {
      const prev = tokens[j - 1] as Token;
      const next = tokens[j] as Token;
      if (next.start - prev.end !== 1 || !JOINER.test(skeleton.charAt(prev.end))) break;
      joined += next.text;
      out.push({ text: joined, start: t.start, end: next.end, first: i, last: j, kind: 'joined' });
    }
  }
  // Rejoin spelled-out letters: a run of at least three one-letter words with short gaps.
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && (tokens[j] as Token).text.length === 1) {
      const next = tokens[j + 1];
      if (!next || next.text.length !== 1) break;
      if (!LETTER_GAP.test(skeleton.slice((tokens[j] as Token).end, next.start))) break;
      j++;
    }
    if (j - i + 1 >= MIN_SPELLED_LETTERS) {
      let text = '';
      for (let k = i; k <= j; k++) text += (tokens[k] as Token).text;
      out.push({ text, start: (tokens[i] as Token).start, end: (tokens[j] as Token).end, first: i, last: j, kind: 'spelled' });
    }
    i = j + 1;
  }
  return out;
}
