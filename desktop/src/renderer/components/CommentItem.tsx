// One comment in a thread, with its replies nested below it. Its own author can edit or withdraw
// it; anyone can reply, react, or report it with a reason. Each action opens in place and gives
// focus back to the button that opened it when it closes.
import { AttachmentList } from '../files/AttachmentList.js';
import { useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { CommentView, DirectoryRecord, PersonId, Reaction, SpaceId, Verdict } from '@hearth/core';
import type { ComposerValue, EvaluateDraft, NameOf } from './types.js';
import { Markdown } from './Markdown.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { ItemActions, ItemPanels } from './ItemPanels.js';
import { ReactionBar } from './ReactionBar.js';
import { Composer, type ComposerProps } from './Composer.js';
import { useStrings } from '../i18n/index.js';

/** Which composer of a thread: the new comment under post `id`, a reply to comment `id`, or editing item `id`. */
export interface ThreadComposerContext {
  kind: 'comment' | 'reply' | 'edit';
  id: string;
}

/** Shows a thread composer: the container may wrap it (keep a draft, say); default `<Composer {...props} />`. */
export type RenderComposer = (context: ThreadComposerContext, props: ComposerProps) => ReactNode;

export function renderThreadComposer(render: RenderComposer | undefined, context: ThreadComposerContext, props: ComposerProps): ReactNode {
  return render ? render(context, props) : <Composer {...props} />;
}

/** What the thread and its comments need from the container. */
export interface ThreadActions {
  me: PersonId;
  nameOf: NameOf;
  people: readonly DirectoryRecord[];
  evaluateDraft: EvaluateDraft;
  space: SpaceId;
  now?: number;
  /** replyTo: the comment answered, or null for a top-level comment. */
  /** `files` only when the composer offered attachments and some were chosen. */
  onComment: (value: { body: string; replyTo: string | null; files?: File[] }, verdict: Verdict) => void;
  onEditComment: (commentId: string, body: string, verdict: Verdict) => void;
  /** Withdraw an own post or comment. */
  onRetract: (entryId: string) => void;
  /**
   * Whether the entry is in the viewer's own outbox, so that an edit or a withdrawal can be written
   * for it. Their name on an item is not enough: items the relay seeded (the demo company) are in no
   * outbox, and an Edit there would save nothing.
   */
  ownsEntry: (entryId: string) => boolean;
  onReact: (targetId: string, emoji: Reaction, add: boolean) => void;
  onReport: (targetId: string, reason: string) => void;
  isUnread?: (entryId: string) => boolean;
  /** When set, people cannot write here; shown instead of the composers (e.g. an AcknowledgeGate). */
  writeBlocker?: ReactNode;
  renderComposer?: RenderComposer;
  /** Marks and actions the container adds to a comment (an accepted answer, AMA votes), shown with its actions. */
  renderCommentExtras?: (comment: CommentView, depth: number) => ReactNode;
  /** A mark after a person's name (a leader's), from the directory. */
  personMark?: (personId: PersonId) => ReactNode;
}

export interface CommentItemProps extends ThreadActions {
  comment: CommentView;
  depth: number;
}

type Mode = 'reply' | 'edit' | 'report' | 'retract' | null;
const MAX_INDENT = 4;

export function CommentItem(props: CommentItemProps) {
  const { comment, depth, me, nameOf, now, people, evaluateDraft, space, writeBlocker } = props;
  const s = useStrings();
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const author = nameOf(comment.authorId);
  const own = comment.authorId === me;
  const writable = own && props.ownsEntry(comment.id);
  // One's own words are never "new" to oneself.
  const unread = !own && (props.isUnread?.(comment.id) ?? false);
  const removed = comment.state !== 'published';

  const open = (next: Mode) => (event: MouseEvent<HTMLButtonElement>) => {
    opener.current = event.currentTarget;
    setMode(mode === next ? null : next);
  };
  const close = () => {
    setMode(null);
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <li className={`comment depth-${Math.min(depth, MAX_INDENT)}`}>
      <article aria-labelledby={`${id}-by`} className={unread ? 'is-unread' : undefined} data-item={comment.id}>
        <header className="comment-header">
          <span id={`${id}-by`} className="comment-author">
            {removed ? s.t('comment.removedBy') : author}
          </span>
          {!removed && props.personMark?.(comment.authorId)}
          <TimeText at={comment.createdAt} now={now} />
          {comment.editedAt !== null && <span className="comment-edited">{s.t('post.edited')}</span>}
          {unread && <StatusMark mark="unread" />}
          {comment.pending !== undefined && <StatusMark mark={comment.pending} />}
        </header>
        {removed ? (
          <p className="comment-removed">{s.t(comment.state === 'hidden' ? 'comment.hidden' : 'comment.retracted')}</p>
        ) : mode === 'edit' ? (
          renderThreadComposer(props.renderComposer, { kind: 'edit', id: comment.id }, {
            mode: 'comment',
            space,
            // An edit is no new post: the posting rate does not apply (the relay agrees).
            evaluateDraft: (d) => evaluateDraft({ ...d, recent: undefined }),
            people,
            nameOf,
            initial: { body: comment.body },
            label: s.t('comment.editLabel'),
            submitLabel: s.t('comment.save'),
            autoFocus: true,
            resetOnSubmit: false,
            onSubmit: (value: ComposerValue, verdict) => {
              props.onEditComment(comment.id, value.body, verdict);
              close();
            },
            onCancel: close,
          })
        ) : (
          <>
            <Markdown source={comment.body} nameOf={nameOf} />
            <AttachmentList items={comment.attachments} />
          </>
        )}
        {!removed && (
          <div className="comment-actions">
            <ReactionBar
              reactions={comment.reactions}
              me={me}
              nameOf={nameOf}
              label={s.t('comment.reactionsTo', { name: author })}
              onToggle={(emoji, add) => props.onReact(comment.id, emoji, add)}
            />
            {props.renderCommentExtras?.(comment, depth)}
            {writeBlocker === undefined && (
              <button type="button" className="button-quiet" aria-expanded={mode === 'reply'} onClick={open('reply')}>
                {s.t('comment.reply')}
              </button>
            )}
            <ItemActions
              writable={writable}
              own={own}
              writeBlocked={writeBlocker !== undefined}
              mode={mode}
              open={open}
              labels={{ edit: 'comment.edit', retract: 'comment.retract', report: 'comment.report' }}
            />
          </div>
        )}
        <ItemPanels
          open={mode === 'retract' || mode === 'report' ? mode : null}
          id={id}
          confirmText="comment.retractConfirm"
          confirmYes="comment.retractYes"
          reportLabel={s.t('comment.reportLabel', { name: author })}
          onRetract={() => {
            props.onRetract(comment.id);
            setMode(null);
          }}
          onReport={(reason) => props.onReport(comment.id, reason)}
          onClose={close}
        />
        {mode === 'reply' &&
          renderThreadComposer(props.renderComposer, { kind: 'reply', id: comment.id }, {
            mode: 'comment',
            space,
            evaluateDraft,
            people,
            nameOf,
            label: s.t('comment.replyTo', { name: author }),
            submitLabel: s.t('comment.sendReply'),
            autoFocus: true,
            onSubmit: (value, verdict) => {
              props.onComment({ body: value.body, replyTo: comment.id, ...(value.files ? { files: value.files } : {}) }, verdict);
              close();
            },
            onCancel: close,
          })}
      </article>
      {comment.replies.length > 0 && (
        <ol className="comment-replies" aria-label={s.t('comment.replies', { count: comment.replies.length, name: author })}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} {...props} comment={reply} depth={depth + 1} />
          ))}
        </ol>
      )}
    </li>
  );
}
