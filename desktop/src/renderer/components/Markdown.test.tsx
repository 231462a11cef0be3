// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Markdown, safeUrl } from './Markdown.js';
import { nameOf } from './test-fixtures.js';

afterEach(cleanup);

const show = (source: string) => render(<Markdown source={source} nameOf={nameOf} />).container;

describe('Markdown', () => {
  it('renders no script and no raw HTML', () => {
    const root = show('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>\n\n<div onclick="x()">block</div>');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('.markdown div')).toBeNull();
    expect(root.textContent).toContain('Hello');
    expect(root.querySelector('[onerror], [onclick]')).toBeNull();
    // Tags are dropped; at most their inner words remain, as inert text.
    expect(root.innerHTML).not.toMatch(/<script|onerror|onclick/);
  });

  it('neutralises javascript: and data: links, rendering their text only', () => {
    const root = show('[click me](javascript:alert(1)) and [data](data:text/html,<script>x</script>) and [rel](/etc/passwd)');
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toContain('click me');
    expect(root.textContent).toContain('data');
  });

  it('opens http links outside the app with noopener', () => {
    show('See [the handbook](https://intranet.example.com/handbook) or <mailto:hr@example.com>');
    const link = screen.getByRole('link', { name: /the handbook/ });
    expect(link.getAttribute('href')).toBe('https://intranet.example.com/handbook');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: /hr@example.com/ }).getAttribute('href')).toBe('mailto:hr@example.com');
  });

  it('turns images into links instead of loading them', () => {
    const root = show('![chart](https://tracker.example.com/p.png)');
    expect(root.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: /Image: chart/ }).getAttribute('target')).toBe('_blank');
  });

  it('shows mentions as the person’s directory name, but not inside code', () => {
    const root = show('Thanks <@ben.ode> and <@nobody>! `<@anna.berg>`');
    expect(root.querySelector('.mention')?.textContent).toBe('@Ben Ode');
    expect(root.textContent).toContain('@Unknown person');
    expect(root.querySelector('code')?.textContent).toBe('<@anna.berg>');
  });

  it('renders backslashes as typed (Windows paths), not as Markdown escapes', () => {
    for (const path of ['C:\\Users\\x', 'C:\\Users\\x\\*.txt', '\\\\server\\share', 'D:\\[draft]\\notes']) {
      cleanup();
      expect(show(`Saved in ${path} today`).textContent).toBe(`Saved in ${path} today`);
    }
    // A path at the end of a line keeps its last backslash (CommonMark reads "\\" + newline as a line break).
    cleanup();
    expect(show('Copy it to C:\\Temp\\\nthen run it.').textContent).toBe('Copy it to C:\\Temp\\\nthen run it.');
  });

  it('keeps only http, https and mailto URLs', () => {
    expect(safeUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeUrl(' JavaScript:alert(1)')).toBe('');
    expect(safeUrl('vbscript:x')).toBe('');
    expect(safeUrl('file:///etc/passwd')).toBe('');
    expect(safeUrl('relative/path')).toBe('');
  });
});
