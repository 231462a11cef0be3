// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { Feed } from './Feed.js';
import { nameOf, post } from './test-fixtures.js';

// jsdom lays nothing out: give the scroller a viewport and every row a height, as a browser would.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 200 });
});
afterEach(cleanup);

const posts = Array.from({ length: 10_000 }, (_, i) => post(i));

describe('Feed', () => {
  it('renders only a window of 10,000 posts', () => {
    render(<Feed posts={posts} nameOf={nameOf} label="Home" onOpenPost={() => {}} />);
    const feed = screen.getByRole('feed', { name: 'Home' });
    const articles = screen.getAllByRole('article');
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.length).toBeLessThan(30);
    expect(articles[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(articles[0]?.getAttribute('aria-posinset')).toBe('1');
    // The spacer is as tall as all rows, so the scrollbar reflects the whole feed.
    expect(parseInt(feed.style.height, 10)).toBeGreaterThan(10_000 * 150);
  });

  it('opens a post from its title', () => {
    const onOpenPost = vi.fn();
    render(<Feed posts={posts} nameOf={nameOf} label="Home" onOpenPost={onOpenPost} />);
    fireEvent.click(screen.getByRole('button', { name: 'Post number 2' }));
    expect(onOpenPost).toHaveBeenCalledWith('p2');
  });

  it('moves between articles with Page Down', async () => {
    render(<Feed posts={posts} nameOf={nameOf} label="Home" onOpenPost={() => {}} />);
    const first = screen.getAllByRole('article')[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'PageDown' });
    await act(() => new Promise((r) => requestAnimationFrame(r)));
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2');
  });

  it('follows the ARIA feed pattern without axe violations', async () => {
    const { container } = render(<Feed posts={posts.slice(0, 50)} nameOf={nameOf} label="Home" onOpenPost={() => {}} isUnread={(id) => id === 'p0'} />);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('says so when there are no posts', () => {
    render(<Feed posts={[]} nameOf={nameOf} label="Home" onOpenPost={() => {}} />);
    expect(screen.getByText('No posts yet.')).toBeTruthy();
  });
});
