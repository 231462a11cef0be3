// A feed of posts that stays smooth with tens of thousands of items: only the rows in and near the
// viewport are in the DOM (@tanstack/react-virtual), each row measured after it renders so cards of
// any height line up. Follows the ARIA feed pattern: articles carry their position and the set
// size, and Page Down / Page Up move between articles.
import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PostView } from '@hearth/core';
import type { NameOf } from './types.js';
import { PostCard } from './PostCard.js';
import { useStrings } from '../i18n/index.js';

export interface FeedProps {
  posts: readonly PostView[];
  nameOf: NameOf;
  /** An accessible name for the feed ("Home", the space's name). */
  label: string;
  onOpenPost: (postId: string) => void;
  isUnread?: (postId: string) => boolean;
  /** The reader: their own posts are never marked new (they wrote them). */
  me?: string;
  /** Show each post's space (on Home and search, not inside a space). */
  spaceNameOf?: (spaceId: string) => string;
  now?: number;
  /** More posts are loading (sets aria-busy). */
  loading?: boolean;
  /** Called when the last rows come into view, to load older posts. */
  onEndReached?: () => void;
  /** Where to start scrolled (restore the position when coming back from a thread). */
  initialOffset?: number;
  onScrollOffsetChange?: (offset: number) => void;
  /** Shown when there are no posts. */
  emptyText?: string;
  /** Heading level of post titles: 2 under the page's h1 (default), 3 under an h2. */
  headingLevel?: 2 | 3 | 4;
  /** A mark after an author's name (a leader's), from the directory. */
  personMark?: (personId: string) => ReactNode;
}

const ESTIMATED_ROW = 180;

export function Feed({
  posts,
  nameOf,
  label,
  onOpenPost,
  isUnread,
  me,
  spaceNameOf,
  now,
  loading = false,
  onEndReached,
  initialOffset = 0,
  onScrollOffsetChange,
  emptyText,
  headingLevel = 2,
  personMark,
}: FeedProps) {
  const s = useStrings();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => posts[index]?.id ?? index,
    overscan: 4,
    initialOffset,
    onChange: (instance) => onScrollOffsetChange?.(instance.scrollOffset ?? 0),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (onEndReached && !loading && posts.length > 0 && lastIndex >= posts.length - 3) onEndReached();
  }, [lastIndex, posts.length, loading, onEndReached]);

  const focusIndex = useCallback(
    (index: number) => {
      if (index < 0 || index >= posts.length) return;
      virtualizer.scrollToIndex(index, { align: 'start' });
      // The row may not exist until the virtualizer re-renders: try for a few frames.
      let tries = 0;
      const attempt = () => {
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] article`);
        if (row) row.focus({ preventScroll: false });
        else if (tries++ < 10) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [posts.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!row || target.tagName !== 'ARTICLE') return;
    const index = Number(row.dataset.index);
    const moves: Record<string, number> = { PageDown: index + 1, PageUp: index - 1, Home: 0, End: posts.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusIndex(next);
  };

  if (posts.length === 0 && !loading) {
    return <p className="feed-empty">{emptyText ?? s.t('feed.empty')}</p>;
  }

  return (
    <div ref={scrollRef} className="feed-scroller">
      <p className="visually-hidden">{s.t('feed.keyboardHint')}</p>
      <div
        role="feed"
        aria-label={label}
        aria-busy={loading}
        className="feed"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const post = posts[item.index];
          if (!post) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="feed-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <PostCard
                post={post}
                nameOf={nameOf}
                spaceName={spaceNameOf?.(post.space)}
                unread={post.authorId !== me && (isUnread?.(post.id) ?? false)}
                now={now}
                onOpen={onOpenPost}
                headingLevel={headingLevel}
                personMark={personMark}
                articleProps={{ tabIndex: 0, 'aria-posinset': item.index + 1, 'aria-setsize': posts.length }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
