import { describe, expect, it } from 'vitest';
import { mentionsAsNames, plainText } from './plain-text.js';

describe('plainText', () => {
  it('reads Markdown as the words a person sees', () => {
    expect(plainText('# Plan\n\n**Bold** and _soft_ with [a link](https://x.example) and ![chart](https://x.example/c.png).')).toBe('Plan Bold and soft with a link and chart.');
    expect(plainText('> quoted\n\n1. first\n2. second\n\n```\ncode block\n```')).toBe('quoted first second code block');
  });

  it('leaves raw HTML out, as the renderer does', () => {
    expect(plainText('Hi <b>there</b> <script>x()</script>')).not.toMatch(/<|>/);
  });

  it('keeps backslashes as typed', () => {
    expect(plainText('In C:\\Users\\x\\*.txt and \\\\server\\share\\')).toBe('In C:\\Users\\x\\*.txt and \\\\server\\share\\');
  });

  it('shows mentions as names', () => {
    expect(mentionsAsNames(plainText('Thanks <@ben>!'), (id) => (id === 'ben' ? 'Ben Ode' : id))).toBe('Thanks @Ben Ode!');
  });
});
