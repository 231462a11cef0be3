// Applying a new string to a Y.Text as the smallest single splice (common prefix and suffix kept,
// the middle deleted and inserted). Why: two devices of one person may edit the same post offline;
// a delete-all/insert-all edit would make Yjs keep both full copies on merge, while a minimal
// splice lets the edits interleave character by character as the author expects.
import type * as Y from 'yjs';

export interface Splice {
  index: number;
  deleteCount: number;
  insert: string;
}

/** The minimal single splice turning `from` into `to`; null when they are equal. */
export function diffStrings(from: string, to: string): Splice | null {
  if (from === to) return null;
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair: back off if the prefix ends on a high surrogate.
  if (prefix > 0 && isHighSurrogate(from.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Same for the suffix: it must not start on a low surrogate.
  if (suffix > 0 && isLowSurrogate(from.charCodeAt(from.length - suffix))) suffix--;
  return {
    index: prefix,
    deleteCount: from.length - prefix - suffix,
    insert: to.slice(prefix, to.length - suffix),
  };
}

/** Makes `text` read `next` with one minimal splice. Returns whether anything changed. */
export function applyTextChange(text: Y.Text, next: string): boolean {
  const splice = diffStrings(text.toString(), next);
  if (!splice) return false;
  if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount);
  if (splice.insert.length > 0) text.insert(splice.index, splice.insert);
  return true;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
