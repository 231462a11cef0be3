// Renders a post, comment or message body written in Markdown, safely: raw HTML is dropped (no
// rehype-raw, skipHtml on), only http(s) and mailto links survive and they open outside the app,
// images become links (so a body cannot make the app fetch a remote tracker), `<@personId>`
// mentions show the person's directory name, and backslashes are literal (markdown-syntax.ts).
import { useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import type { Root, RootContent, PhrasingContent, Text } from 'mdast';
import type { NameOf } from './types.js';
import { mentionPattern } from './constants.js';
import { remarkLiteralBackslashes } from './markdown-syntax.js';
import { useStrings } from '../i18n/index.js';

export interface MarkdownProps {
  source: string;
  nameOf: NameOf;
  className?: string;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Keeps absolute http, https and mailto URLs; everything else (javascript:, data:, relative) is ''. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : '';
  } catch {
    return '';
  }
}

/** A remark plugin: splits text nodes on `<@id>` into mention nodes rendered as a span. */
function remarkMentions(nameOf: NameOf) {
  const split = (node: Text): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(mentionPattern())) {
      const id = match[1] ?? '';
      if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
      out.push({
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['mention'], dataPersonId: id } },
        children: [{ type: 'text', value: `@${nameOf(id)}` }],
      });
      last = match.index + match[0].length;
    }
    if (out.length === 0) return [node];
    if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
    return out;
  };
  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'text') return split(child);
      if (child.type === 'code' || child.type === 'inlineCode') return [child];
      if ('children' in child) walk(child as { children: RootContent[] });
      return [child];
    });
  };
  return () => (tree: Root) => {
    walk(tree);
  };
}

export function Markdown({ source, nameOf, className }: MarkdownProps) {
  const s = useStrings();
  const plugins = useMemo(() => [remarkLiteralBackslashes, remarkMentions(nameOf)], [nameOf]);
  const components = useMemo<Components>(
    () => ({
      a({ href, children }) {
        const url = safeUrl(href ?? '');
        if (url === '') return <span className="md-unsafe-link">{children}</span>;
        return (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {children}
            <span className="visually-hidden"> {s.t('markdown.opensOutside')}</span>
          </a>
        );
      },
      img({ src, alt }) {
        const url = typeof src === 'string' ? safeUrl(src) : '';
        const label = s.t('markdown.image', { alt: alt ?? '' });
        if (url === '') return <span>{label}</span>;
        return (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        );
      },
    }),
    [s],
  );
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')}>
      <ReactMarkdown
        skipHtml
        remarkPlugins={plugins}
        components={components}
        urlTransform={safeUrl}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
