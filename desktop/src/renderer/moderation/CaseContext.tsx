// The thread around a case's item, read from the space document on this device (useSpace): for a
// comment, the post it answers and the other comments; for a post (held posts are not published),
// the space's most recent posts. The reviewer must be able to read the space: a moderator who is
// not a member of a private space sees that it is not on this device.
import type { CommentView, SpaceView } from '@hearth/core';
import { TimeText } from '../components/TimeText.js';
import { useSpace } from '../hooks/use-data.js';
import { useStrings } from '../i18n/index.js';
import type { QueueItem } from './case-queue.js';

const RECENT = 5;

function flatten(comments: readonly CommentView[]): CommentView[] {
  return comments.flatMap((c) => [c, ...flatten(c.replies)]);
}

export function CaseContext({ item, spaceId, nameOf, now }: { item: QueueItem; spaceId: string; nameOf: (id: string) => string; now?: number }) {
  const { view, status } = useSpace(spaceId);
  return <CaseContextView item={item} view={view} denied={status.connection === 'denied' || status.connection === 'not-found'} nameOf={nameOf} {...(now === undefined ? {} : { now })} />;
}

export function CaseContextView({ item, view, denied, nameOf, now }: { item: QueueItem; view: SpaceView; denied: boolean; nameOf: (id: string) => string; now?: number }) {
  const s = useStrings();
  const when = (at: number) => <TimeText at={at} {...(now === undefined ? {} : { now })} />;
  if (denied) return <p>{s.t('review.context.unavailable')}</p>;
  const target = item.doc.item.entryId;
  const post = view.posts.find((p) => p.id === target || flatten(p.comments).some((c) => c.id === target));
  if (item.doc.item.type === 'comment' && post !== undefined) {
    return (
      <div className="review-thread">
        <p className="review-thread-post">
          {s.t('review.context.post', { title: post.title === '' ? s.t('review.untitled') : post.title, author: nameOf(post.authorId) })} {when(post.createdAt)}
        </p>
        <blockquote>{post.body}</blockquote>
        <ol className="review-thread-comments">
          {flatten(post.comments).map((c) => (
            <li key={c.id} className={c.id === target ? 'review-thread-target' : undefined} aria-current={c.id === target ? 'true' : undefined}>
              <strong>{nameOf(c.authorId)}</strong> {when(c.createdAt)}: {c.body}
            </li>
          ))}
        </ol>
      </div>
    );
  }
  const recent = view.posts.filter((p) => p.id !== target).slice(0, RECENT);
  if (recent.length === 0) return <p>{s.t('review.context.none')}</p>;
  return (
    <div className="review-thread">
      <p>{s.t('review.context.recent', { space: view.meta?.name ?? item.doc.space ?? '' })}</p>
      <ul className="review-thread-posts">
        {recent.map((p) => (
          <li key={p.id}>
            <strong>{p.title === '' ? s.t('review.untitled') : p.title}</strong> — {nameOf(p.authorId)} {when(p.createdAt)}
          </li>
        ))}
      </ul>
    </div>
  );
}
