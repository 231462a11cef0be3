// Finding mentions in a body. Why one function: the composer highlights them, the policy counts
// them (mass mentions), and the relay notifies the people mentioned; all three must agree on the
// syntax `<@personId>` defined by MENTION_PATTERN.
import { MENTION_PATTERN } from './types.js';

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
