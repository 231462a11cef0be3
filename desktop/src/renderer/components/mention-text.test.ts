import { describe, expect, it } from 'vitest';
import { toDisplay, toStored } from './mention-text.js';

const nameOf = (id: string) => ({ 'ben.ode': 'Ben Ode', rajesh: 'Rajesh Kumar', ben: 'Ben' })[id] ?? id;

describe('mention text', () => {
  it('shows names and stores tokens, round trip', () => {
    const stored = 'Thanks <@rajesh>, and <@ben.ode>: see C:\\x';
    const shown = toDisplay(stored, nameOf);
    expect(shown.text).toBe('Thanks @Rajesh Kumar, and @Ben Ode: see C:\\x');
    expect(toStored(shown.text, shown.labels).text).toBe(stored);
  });

  it('keeps a label that is part of a longer word, and prefers the longest label', () => {
    const labels = new Map([['@Ben', 'ben'], ['@Ben Ode', 'ben.ode']]);
    expect(toStored('@Ben Ode and @Ben and @Benjamin and mail@Ben', labels).text).toBe('<@ben.ode> and <@ben> and @Benjamin and mail@Ben');
  });

  it('maps spans of the stored text onto the shown text', () => {
    const { text, labels } = toDisplay('Hi <@rajesh> about Northwind', nameOf);
    const stored = toStored(text, labels);
    const at = stored.text.indexOf('Northwind');
    const [start, end] = stored.toShown(at, at + 'Northwind'.length);
    expect(text.slice(start, end)).toBe('Northwind');
    const token = stored.text.indexOf('<@rajesh>');
    expect(text.slice(...stored.toShown(token, token + '<@rajesh>'.length))).toBe('@Rajesh Kumar');
  });
});
