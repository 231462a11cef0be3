// Normalisation against obfuscation, with a map back to the author's original text. Why a map: the
// composer underlines what the policy found in the text the author typed, but matching happens on a
// folded copy (no case, no accents, no invisible characters, no look-alikes). Every character of the
// folded copy records which original code units it came from.
import { foldChar, skeletonOf } from './fold-char.js';

export interface Normalised {
  /** The original text. */
  original: string;
  /** Lower case, accents stripped, invisible characters removed, look-alikes resolved. */
  folded: string;
  /** `folded` with leetspeak resolved ("sh1t" → "shit", "l" → "i"); same length as `folded`. */
  skeleton: string;
  /** starts[i]: offset in `original` of the code unit that produced folded[i]. */
  starts: Int32Array;
  /** ends[i]: offset in `original` just after the character that produced folded[i]. */
  ends: Int32Array;
}

export function normalise(original: string): Normalised {
  const length = original.length;
  let starts = new Int32Array(length + 8);
  let ends = new Int32Array(length + 8);
  const parts: string[] = [];
  let at = 0; // length of the folded text so far
  const room = (extra: number) => {
    if (at + extra <= starts.length) return;
    const size = Math.max(starts.length * 2, at + extra);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(starts);
    e2.set(ends);
    starts = s2;
    ends = e2;
  };
  for (let i = 0; i < length; ) {
    // Fast path: a run of ASCII folds to itself in lower case, one character for one.
    let j = i;
    while (j < length && original.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      parts.push(original.slice(i, j).toLowerCase());
      room(j - i);
      for (let k = i; k < j; k++, at++) {
        starts[at] = k;
        ends[at] = k + 1;
      }
      i = j;
      continue;
    }
    const code = original.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const out = foldChar(width === 1 ? original.charAt(i) : original.slice(i, i + 2));
    room(out.length);
    for (let k = 0; k < out.length; k++, at++) {
      starts[at] = i;
      ends[at] = i + width;
    }
    parts.push(out);
    i += width;
  }
  const folded = parts.join('');
  return { original, folded, skeleton: skeletonOf(folded), starts: starts.subarray(0, at), ends: ends.subarray(0, at) };
}

const MARK = /\p{M}/u;

/**
 * The span in the original text covered by folded[start, end), including combining marks that
 * follow its last character (the accent of "é" written as "e" + U+0301 belongs to the letter).
 */
export function originalSpan(n: Normalised, start: number, end: number): { start: number; end: number } {
  if (end <= start || n.folded.length === 0) {
    const at = n.starts[Math.min(start, n.starts.length - 1)] ?? n.original.length;
    return { start: at, end: at };
  }
  let last = n.ends[end - 1] ?? n.original.length;
  while (last < n.original.length && MARK.test(n.original.charAt(last))) last++;
  return { start: n.starts[start] ?? 0, end: last };
}

/**
 * The normalised phrase of a confidential term as an administrator wrote it: its skeleton, with
 * intra-word punctuation dropped ("blue-bird" and "O'Brien" are one word each) and words separated
 * by one space: "Northwind  Traders" → "northwind traders" (as a skeleton: "northwind traders").
 */
export function normaliseTerm(term: string): string {
  const n = normalise(term);
  return n.skeleton
    .replace(/[-._'’]/g, '')
    .split(/[^a-z0-9\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .join(' ');
}
