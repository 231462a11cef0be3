// One post as a card in a feed or on a person's page: author, space, kind, title, body, time,
// comment count, reactions, and the marks that matter to the reader (unread) and to the author
// (pending, held, rejected, published after review).
import { AttachmentList } from '../files/AttachmentList.js';
import type { HTMLAttributes, ReactNode } from 'react';
import type { PostView, Reaction } from '@hearth/core';
import { REACTION_LABELS } from './constants.js';
import type { NameOf } from './types.js';
import { Markdown } from './Markdown.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { useStrings } from '../i18n/index.js';

export interface PostCardProps {
  post: PostView;
  nameOf: NameOf;
  /** The space's name, when the card is shown outside its space. */
  spaceName?: string | undefined;
  unread?: boolean;
  now?: number;
  /** The author's own post was held and then published by a moderator: say so. */
  reviewed?: boolean;
  /** Open the post's thread. */
  onOpen: (postId: string) => void;
  /** 'excerpt' clamps the body (feeds); 'full' shows it all. */
  body?: 'excerpt' | 'full' | 'none';
  /** Heading level of the title inside the page outline. */
  headingLevel?: 2 | 3 | 4;
  /** Feed items pass aria-posinset / aria-setsize and a tabIndex; see Feed. */
  articleProps?: HTMLAttributes<HTMLElement>;
  /** A mark after the author's name (a leader's), from the directory. */
  personMark?: ((personId: string) => ReactNode) | undefined;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/u);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function PostCard({
  post,
  nameOf,
  spaceName,
  unread = false,
  reviewed = false,
  now,
  onOpen,
  body = 'excerpt',
  headingLevel = 3,
  articleProps,
  personMark,
}: PostCardProps) {
  const s = useStrings();
  const author = nameOf(post.authorId);
  const Heading = `h${headingLevel}` as const;
  const titleId = `post-${post.id}-title`;
  const reactionEntries = Object.entries(post.reactions).filter(([, who]) => (who?.length ?? 0) > 0);
  return (
    <article
      {...articleProps}
      className={['post-card', unread ? 'is-unread' : '', post.pending ? `is-${post.pending}` : ''].join(' ')}
      aria-labelledby={titleId}
    >
      <header className="post-card-header">
        <span className="avatar" aria-hidden="true">
          {initials(author)}
        </span>
        <div className="post-card-meta">
          <span className="post-card-author">{author}</span>
          {personMark?.(post.authorId)}
          <span className="post-card-sub">
            {spaceName !== undefined && (
              <>
                <span>{s.t('post.inSpace', { space: spaceName })}</span>
                <span aria-hidden="true"> · </span>
              </>
            )}
            <TimeText at={post.createdAt} now={now} />
            {post.editedAt !== null && (
              <>
                <span aria-hidden="true"> · </span>
                <span>{s.t('post.edited')}</span>
              </>
            )}
          </span>
        </div>
        <span className={`kind-badge kind-${post.kind}`}>{s.t(`kind.${post.kind}`)}</span>
      </header>
      <Heading id={titleId} className="post-card-title">
        <button type="button" className="link-button" onClick={() => onOpen(post.id)}>
          {post.title}
        </button>
        {unread && <StatusMark mark="unread" />}
        {post.pending !== undefined && <StatusMark mark={post.pending} />}
        {reviewed && post.pending === undefined && <StatusMark mark="published" />}
      </Heading>
      {body !== 'none' && post.body !== '' && (
        <Markdown source={post.body} nameOf={nameOf} className={body === 'excerpt' ? 'is-excerpt' : undefined} />
      )}
      {body !== 'none' && <AttachmentList items={post.attachments} />}
      <footer className="post-card-footer">
        <span>{s.t('post.comments', { count: post.commentCount })}</span>
        {reactionEntries.length > 0 && (
          <ul className="reaction-summary" aria-label={s.t('reactions.summary')}>
            {reactionEntries.map(([emoji, who]) => (
              <li key={emoji}>
                <span aria-hidden="true">{emoji}</span>
                <span className="visually-hidden">{s.t(REACTION_LABELS[emoji as Reaction])}</span> {who?.length ?? 0}
              </li>
            ))}
          </ul>
        )}
      </footer>
    </article>
  );
}

