// Mentions in a composer: the stored text says `<@ben.ode>` (core's mention token, what the relay
// and every reader resolve to a directory name); the person writing sees and edits "@Ben Ode".
// Why a mapping and not the raw token: editing a comment showed `<@rajesh>` in the field. The
// composer keeps the labels it showed or inserted, turns them back into tokens for everything it
// hands out (drafts, sending, the policy's evaluation), and maps the policy's finding spans, which
// are offsets into the stored text, back onto what is on screen.
import { mentionPattern } from './constants.js';

/** "@Ben Ode" → "ben.ode": the mentions a composer knows how to turn back into tokens. */
export type MentionLabels = ReadonlyMap<string, string>;

export function mentionLabel(id: string, nameOf: (id: string) => string): string {
  return `@${nameOf(id)}`;
}

/** What the person sees for a stored text, and the labels it used. */
export function toDisplay(stored: string, nameOf: (id: string) => string): { text: string; labels: Map<string, string> } {
  const labels = new Map<string, string>();
  const text = stored.replace(mentionPattern(), (_, id: string) => {
    const label = mentionLabel(id, nameOf);
    labels.set(label, id);
    return label;
  });
  return { text, labels };
}

interface Segment {
  stored: [number, number];
  shown: [number, number];
}

export interface StoredText {
  text: string;
  /** A span of the stored text as a span of the shown text (a span inside a token covers the whole label). */
  toShown: (start: number, end: number) => [number, number];
}

const WORD = /[\p{L}\p{N}_.-]/u;

/** The stored text for what is shown: every known label, standing alone, becomes its token again. */
export function toStored(shown: string, labels: MentionLabels): StoredText {
  const ordered = [...labels.keys()].sort((a, b) => b.length - a.length);
  const segments: Segment[] = [];
  let text = '';
  let i = 0;
  while (i < shown.length) {
    const before = i === 0 ? '' : (shown[i - 1] ?? '');
    const label = shown[i] === '@' && !WORD.test(before) ? ordered.find((l) => shown.startsWith(l, i) && !WORD.test(shown[i + l.length] ?? '')) : undefined;
    if (label === undefined) {
      text += shown[i];
      i += 1;
      continue;
    }
    const token = `<@${labels.get(label) ?? ''}>`;
    segments.push({ stored: [text.length, text.length + token.length], shown: [i, i + label.length] });
    text += token;
    i += label.length;
  }
  const map = (offset: number, edge: 'start' | 'end'): number => {
    let delta = 0;
    for (const s of segments) {
      if (offset <= s.stored[0]) break;
      if (offset < s.stored[1]) return edge === 'start' ? s.shown[0] : s.shown[1];
      delta = s.shown[1] - s.stored[1];
    }
    return offset + delta;
  };
  return { text, toShown: (start, end) => [map(start, 'start'), map(end, 'end')] };
}
