// Knowledge on a post (bookmark, best-of pick for facilitators, its topics) and the Bookmarks and
// topic screens. Bookmarks come from the person's own outbox only; topics from published text.
import { useId, useMemo } from 'react';
import { bookmarksOf, hashtags, type PostView, type SpaceMeta } from '@hearth/core';
import { PostCard } from '../components/PostCard.js';
import { useServices } from '../hooks/services-context.js';
import { useCatalogue, useNameOf, useOutbox } from '../hooks/use-data.js';
import { useReadableSpaceIds } from '../hooks/use-room-plan.js';
import { navigate } from '../hooks/use-route.js';
import { mergeFeeds, useSpaceViews } from '../hooks/use-spaces.js';
import { topicHref } from './extra-routes.js';
import { engagementText as t } from './strings.js';
import { useBestOf, useBookmarks, useEngagementActions } from './use-engagement.js';

export function PostKnowledge({ post, meta }: { post: PostView; meta: SpaceMeta | null }) {
  const { me } = useServices();
  const outbox = useOutbox();
  const actions = useEngagementActions();
  const bestOf = useBestOf(post.space);
  const marks = bookmarksOf(outbox, post.id);
  const mayCurate = meta !== null && (meta.facilitators.includes(me));
  const pick = bestOf.find((b) => b.post === post.id);
  const ownPick = outbox.find((e) => e.type === 'best-of' && !e.retracted && e.post === post.id);
  const tags = hashtags(`${post.title}\n${post.body}`);
  const topicsId = useId();
  return (
    <div className="post-knowledge">
      <button
        type="button"
        className="button-quiet"
        aria-pressed={marks.length > 0}
        onClick={() => void (marks.length > 0 ? actions.retract(marks.map((m) => m.id)) : actions.bookmark(post.space, post.id))}
      >
        {marks.length > 0 ? t.knowledge.bookmarked : t.knowledge.bookmark}
      </button>
      {mayCurate && (
        <button
          type="button"
          className="button-quiet"
          aria-pressed={ownPick !== undefined}
          onClick={() => void (ownPick !== undefined ? actions.retract([ownPick.id]) : actions.bestOf(post.space, post.id))}
        >
          {ownPick !== undefined ? t.knowledge.removeBestOf : t.knowledge.addBestOf}
        </button>
      )}
      {pick !== undefined && <span className="mark">{t.knowledge.inBestOf}</span>}
      {tags.length > 0 && (
        <nav aria-labelledby={topicsId} className="topics">
          <span id={topicsId}>{t.knowledge.topics}:</span>{' '}
          {tags.map((tag) => (
            <a key={tag} href={topicHref(tag)} className="topic-link">
              #{tag}
            </a>
          ))}
        </nav>
      )}
    </div>
  );
}

function PostList({ posts, empty }: { posts: readonly PostView[]; empty: string }) {
  const nameOf = useNameOf();
  const catalogue = useCatalogue();
  const names = new Map(catalogue.map((s) => [s.id, s.name]));
  const spaceOf = new Map(posts.map((p) => [p.id, p.space]));
  if (posts.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard post={post} nameOf={nameOf} spaceName={names.get(post.space) ?? post.space} onOpen={(id) => navigate({ name: 'post', space: spaceOf.get(id) ?? '', post: id })} />
        </li>
      ))}
    </ul>
  );
}

export function BookmarksScreen() {
  const bookmarks = useBookmarks();
  const views = useSpaceViews(useReadableSpaceIds());
  const posts = useMemo(() => new Map(mergeFeeds(views).map((p) => [p.id, p])), [views]);
  const found = bookmarks.flatMap((b) => posts.get(b.post) ?? []);
  const missing = bookmarks.filter((b) => !posts.has(b.post)).length;
  const h = useId();
  return (
    <section className="screen screen-bookmarks" aria-labelledby={h}>
      <h1 id={h}>{t.knowledge.bookmarksTitle}</h1>
      <p>{t.knowledge.bookmarksIntro}</p>
      <PostList posts={found} empty={missing > 0 ? t.knowledge.missing : t.knowledge.noBookmarks} />
    </section>
  );
}

export function TopicScreen({ tag }: { tag: string }) {
  const views = useSpaceViews(useReadableSpaceIds());
  const posts = useMemo(() => mergeFeeds(views).filter((p) => hashtags(`${p.title}\n${p.body}`).includes(tag)), [views, tag]);
  const h = useId();
  return (
    <section className="screen screen-topic" aria-labelledby={h}>
      <h1 id={h}>{t.knowledge.topicTitle(tag)}</h1>
      <p>{t.knowledge.topicIntro}</p>
      <PostList posts={posts} empty={t.knowledge.noTopic} />
    </section>
  );
}
