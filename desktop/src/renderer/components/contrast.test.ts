// Checks the design tokens against WCAG 2.1 AA: every text colour on every surface it is used on
// has a contrast ratio of at least 4.5:1, in the light and the dark scheme, and focus rings and
// borders that carry meaning at least 3:1. Reads the real stylesheet, so a token edit that breaks
// contrast fails here.
import { describe, expect, it } from 'vitest';

// The renderer's tsconfig has no Node types (on purpose), and vitest empties CSS imports, so the
// stylesheet is read through a Node import whose specifier the type checker does not resolve.
const fsModule = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ fsModule)) as { readFileSync: (path: URL, encoding: 'utf8') => string };
const css = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');

const [lightPart = '', darkPart = ''] = css.split('@media (prefers-color-scheme: dark)');

function tokens(part: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of part.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background] pairs as the stylesheets use them.
const TEXT_PAIRS: [string, string][] = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-2'], ['text', 'accent-soft'], ['text', 'warn-soft'], ['text', 'danger-soft'], ['text', 'flag-soft'],
  ['muted', 'bg'], ['muted', 'surface'], ['muted', 'surface-2'], ['muted', 'accent-soft'], ['muted', 'danger-soft'],
  ['accent', 'bg'], ['accent', 'surface'], ['accent', 'surface-2'], ['accent', 'accent-soft'], ['accent-text', 'accent'],
  ['danger', 'surface'], ['danger', 'danger-soft'], ['surface', 'danger'],
  ['warn', 'surface'], ['warn', 'warn-soft'], ['flag', 'surface'], ['flag', 'flag-soft'],
  ['ok', 'surface'], ['unread', 'accent-soft'],
];
const UI_PAIRS: [string, string][] = [['focus', 'bg'], ['focus', 'surface'], ['border-strong', 'surface'], ['warn-line', 'surface']];

describe.each([
  ['light', tokens(lightPart)],
  ['dark', { ...tokens(lightPart), ...tokens(darkPart) }],
])('%s scheme', (_name, t) => {
  it.each(TEXT_PAIRS)('%s on %s has at least 4.5:1', (fg, bg) => {
    expect(t[fg], fg).toBeDefined();
    expect(t[bg], bg).toBeDefined();
    expect(contrast(t[fg] ?? '', t[bg] ?? '')).toBeGreaterThanOrEqual(4.5);
  });
  it.each(UI_PAIRS)('%s on %s has at least 3:1', (fg, bg) => {
    expect(contrast(t[fg] ?? '', t[bg] ?? '')).toBeGreaterThanOrEqual(3);
  });
});
