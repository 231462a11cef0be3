// Finding mentions in a body. Why one function: the composer highlights them, the policy counts
// them (mass mentions), and the relay notifies the people mentioned; all three must agree on the
// syntax `<@personId>` defined by MENTION_PATTERN.
import { MENTION_PATTERN, type PersonId } from './types.js';

export interface Mention {
  /** The person id, or `all` / `here` for a mass mention. */
  person: string;
  /** UTF-16 offsets of the whole `<@...>` token in the text, end exclusive. */
  start: number;
  end: number;
}

export function parseMentions(text: string): Mention[] {
  // A fresh RegExp: the shared global pattern carries lastIndex state between calls.
  const pattern = new RegExp(MENTION_PATTERN.source, MENTION_PATTERN.flags.includes('g') ? MENTION_PATTERN.flags : MENTION_PATTERN.flags + 'g');
  const out: Mention[] = [];
  for (const m of text.matchAll(pattern)) {
    const person = m[1];
    if (person === undefined) continue;
    out.push({ person, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether a mention is a mass mention (`<@all>`, `<@here>`). */
export function isMassMention(m: Mention): boolean {
  return m.person === 'all' || m.person === 'here';
}

/**
 * The people an item notifies by its mentions, in the order they are first mentioned: each once,
 * never the author, never a mass mention, only those `mayNotify` accepts (in the directory, able
 * to read the item), and at most `limit`. Why a limit: a post that names sixty colleagues would
 * otherwise interrupt all sixty; the policy's mass-mentions rule asks the author to think again,
 * and this bounds what a modified client that ignores it can do.
 */
export function mentionsToNotify(
  text: string,
  opts: { author: PersonId; limit: number; mayNotify: (person: PersonId) => boolean },
): PersonId[] {
  const out: PersonId[] = [];
  const seen = new Set<PersonId>();
  for (const m of parseMentions(text)) {
    if (out.length >= opts.limit) break;
    if (isMassMention(m) || m.person === opts.author || seen.has(m.person)) continue;
    seen.add(m.person);
    if (opts.mayNotify(m.person)) out.push(m.person);
  }
  return out;
}
