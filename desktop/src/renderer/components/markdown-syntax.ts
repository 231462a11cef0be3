// The Markdown dialect Hearth reads: CommonMark (as react-markdown parses it) with one change — a
// backslash is always a literal character. Why: in a company, backslashes are Windows paths
// (C:\Users\x\*.txt, \\server\share, a path ending in "\" at the end of a line) far more often than
// Markdown escapes, and CommonMark silently eats a backslash before punctuation or a line break.
// Turning character escapes and backslash line breaks off makes every backslash render as typed;
// the price is that "\*" no longer escapes an asterisk (a code span `*` still does). Shared by
// the renderer (Markdown.tsx) and the plain-text reading (plain-text.ts), so both agree.
import type { Extension } from 'micromark-util-types';

export const literalBackslashes: Extension = { disable: { null: ['characterEscape', 'hardBreakEscape'] } };

/** A remark plugin adding `literalBackslashes` to the parser. */
export function remarkLiteralBackslashes(this: { data(key: 'micromarkExtensions'): Extension[] | undefined; data(key: 'micromarkExtensions', value: Extension[]): void }): void {
  const existing = this.data('micromarkExtensions') ?? [];
  this.data('micromarkExtensions', [...existing, literalBackslashes]);
}
