// A Markdown body read as plain text, for places that show a line of it rather than render it: search
// snippets, conversation previews. Parsed with the same dialect as the renderer (markdown-syntax.ts),
// so "**Q3** plan" reads "Q3 plan", a link reads as its words, raw HTML is left out as the renderer
// leaves it out, and C:\Users\x keeps its backslashes.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { mentionPattern } from './constants.js';
import { literalBackslashes } from './markdown-syntax.js';

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'code', 'table', 'tableRow', 'tableCell', 'thematicBreak']);

export function plainText(markdown: string): string {
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        out.push(node.value);
        break;
      case 'image':
        out.push(node.alt ?? '');
        break;
      case 'break':
        out.push(' ');
        break;
      case 'html':
        break;
      default:
        if ('children' in node) for (const child of node.children) walk(child);
    }
    if (BLOCKS.has(node.type)) out.push(' ');
  };
  walk(fromMarkdown(markdown, { extensions: [literalBackslashes] }));
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** `<@id>` tokens as "@Name" (the directory's name), for text that is not rendered by Markdown.tsx. */
export function mentionsAsNames(text: string, nameOf: (id: string) => string): string {
  return text.replace(mentionPattern(), (_, id: string) => `@${nameOf(id)}`);
}
