// A post with its threaded comments: the post in full, its reactions, actions for its author
// (edit, withdraw) and for everyone else (report), then the comments with their replies and a
// composer for a new top-level comment. Everything is driven by props; see ThreadActions.
import { useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { PostView, Verdict } from '@hearth/core';
import type { ComposerValue } from './types.js';
import { CommentItem, renderThreadComposer, type ThreadActions } from './CommentItem.js';
import { Markdown } from './Markdown.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { ItemActions, ItemPanels } from './ItemPanels.js';
import { ReactionBar } from './ReactionBar.js';
import { initials } from './PostCard.js';
import { useStrings } from '../i18n/index.js';

export interface ThreadProps extends ThreadActions {
  post: PostView;
  spaceName?: string;
  onEditPost: (value: ComposerValue, verdict: Verdict) => void;
  /** Open the author's profile. */
  onOpenPerson?: (personId: string) => void;
  /** What the container shows under the post (must-read acknowledgement, reach). */
  postExtras?: ReactNode;
}

type Mode = 'edit' | 'report' | 'retract' | null;

export function Thread(props: ThreadProps) {
  const { post, me, nameOf, now, people, evaluateDraft, space, spaceName, writeBlocker } = props;
  const s = useStrings();
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const author = nameOf(post.authorId);
  const own = post.authorId === me;
  const writable = own && props.ownsEntry(post.id);

  const open = (next: Mode) => (event: MouseEvent<HTMLButtonElement>) => {
    opener.current = event.currentTarget;
    setMode(mode === next ? null : next);
  };
  const close = () => {
    setMode(null);
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <div className="thread">
      <article className="thread-post" aria-labelledby={`${id}-title`} data-item={post.id}>
        <header className="post-card-header">
          <span className="avatar" aria-hidden="true">
            {initials(author)}
          </span>
          <div className="post-card-meta">
            {props.onOpenPerson ? (
              <button type="button" className="link-button post-card-author" onClick={() => props.onOpenPerson?.(post.authorId)}>
                {author}
              </button>
            ) : (
              <span className="post-card-author">{author}</span>
            )}
            {props.personMark?.(post.authorId)}
            <span className="post-card-sub">
              {spaceName !== undefined && <span>{s.t('post.inSpace', { space: spaceName })} · </span>}
              <TimeText at={post.createdAt} now={now} />
              {post.editedAt !== null && <span> · {s.t('post.edited')}</span>}
            </span>
          </div>
          <span className={`kind-badge kind-${post.kind}`}>{s.t(`kind.${post.kind}`)}</span>
        </header>
        {mode === 'edit' ? (
          renderThreadComposer(props.renderComposer, { kind: 'edit', id: post.id }, {
            mode: 'post',
            space,
            // An edit is no new post: the posting rate does not apply (the relay agrees).
            evaluateDraft: (d) => evaluateDraft({ ...d, recent: undefined }),
            people,
            nameOf,
            initial: { kind: post.kind, title: post.title, body: post.body },
            submitLabel: s.t('comment.save'),
            autoFocus: true,
            resetOnSubmit: false,
            onSubmit: (value, verdict) => {
              props.onEditPost(value, verdict);
              close();
            },
            onCancel: close,
          })
        ) : (
          <>
            <h1 id={`${id}-title`} className="thread-title">
              {post.title} {post.pending !== undefined && <StatusMark mark={post.pending} />}
            </h1>
            <Markdown source={post.body} nameOf={nameOf} />
          </>
        )}
        {props.postExtras}
        <div className="comment-actions">
          <ReactionBar
            reactions={post.reactions}
            me={me}
            nameOf={nameOf}
            label={s.t('thread.reactionsTo', { name: author })}
            onToggle={(emoji, add) => props.onReact(post.id, emoji, add)}
          />
          <ItemActions
            writable={writable}
            own={own}
            writeBlocked={writeBlocker !== undefined}
            mode={mode}
            open={open}
            labels={{ edit: 'thread.editPost', retract: 'thread.retractPost', report: 'thread.reportPost' }}
          />
        </div>
        <ItemPanels
          open={mode === 'retract' || mode === 'report' ? mode : null}
          id={id}
          confirmText="thread.retractConfirm"
          confirmYes="thread.retractYes"
          reportLabel={s.t('thread.reportLabel', { name: author })}
          onRetract={() => {
            props.onRetract(post.id);
            setMode(null);
          }}
          onReport={(reason) => props.onReport(post.id, reason)}
          onClose={close}
        />
      </article>

      <section className="thread-comments" aria-labelledby={`${id}-comments`}>
        <h2 id={`${id}-comments`}>{s.t('post.comments', { count: post.commentCount })}</h2>
        {post.comments.length > 0 && (
          <ol className="comment-list">
            {post.comments.map((comment) => (
              <CommentItem key={comment.id} {...props} comment={comment} depth={0} />
            ))}
          </ol>
        )}
        {writeBlocker ??
          renderThreadComposer(props.renderComposer, { kind: 'comment', id: post.id }, {
            mode: 'comment',
            space,
            evaluateDraft,
            people,
            nameOf,
            // On an "ask me anything" post, a top-level comment is a question to its leader.
            label: post.kind === 'ama' ? s.t('thread.askLeader', { name: author }) : s.t('thread.addComment'),
            submitLabel: post.kind === 'ama' ? s.t('thread.sendQuestion') : s.t('thread.sendComment'),
            onSubmit: (value, verdict) => props.onComment({ body: value.body, replyTo: null, ...(value.files ? { files: value.files } : {}) }, verdict),
          })}
      </section>
    </div>
  );
}
