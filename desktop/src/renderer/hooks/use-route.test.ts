import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './use-route.js';

describe('hash routes', () => {
  it('round-trips every route', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'space', space: 'media-wing' },
      { name: 'post', space: 'general', post: '01HX' },
      { name: 'conversation', conversation: 'c1' },
      { name: 'post', space: 'general', post: '01HX', item: '01HY' },
      { name: 'conversation', conversation: 'c1', item: '01HZ' },
      { name: 'new-conversation', to: ['binu', 'seema'] },
      { name: 'person', person: 'rajesh' },
      { name: 'search', q: 'north wind' },
      { name: 'policy' },
      { name: 'settings' },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });
  it('falls back to home', () => {
    expect(parseRoute('#/nonsense')).toEqual({ name: 'home' });
  });
});
