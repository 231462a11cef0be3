// Threaded comments under a post: replies nest under the comment they answer; the author can
// edit and withdraw their own; anyone can reply, react and report.
import { useState } from 'react';
import type { CommentView } from '@hearth/core';
import { Markdown } from '../components/Markdown.js';
import { StatusMark } from '../components/StatusMark.js';
import { TimeText } from '../components/TimeText.js';
import { useActions } from '../hooks/use-actions.js';
import { useNameOf } from '../hooks/use-data.js';
import { useServices } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { ReactionBar } from './ReactionBar.js';
import { ReportButton } from './ReportButton.js';
import { text } from './strings.js';

export function CommentThread({ comments, space, post }: { comments: readonly CommentView[]; space: string; post: string }) {
  if (comments.length === 0) return <p>{text.post.noComments}</p>;
  return (
    <ol className="comment-thread">
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} space={space} post={post} />
      ))}
    </ol>
  );
}

function CommentItem({ comment, space, post }: { comment: CommentView; space: string; post: string }) {
  const { me } = useServices();
  const nameOf = useNameOf();
  const actions = useActions();
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const mine = comment.authorId === me;
  return (
    <li className={`comment${comment.pending ? ` is-${comment.pending}` : ''}`} data-comment={comment.id}>
      <article aria-label={nameOf(comment.authorId)}>
        <header className="comment-header">
          <span className="comment-author">{nameOf(comment.authorId)}</span> <TimeText at={comment.createdAt} />
          {comment.pending && <StatusMark mark={comment.pending} />}
        </header>
        {mode === 'edit' ? (
          <DraftedComposer
            draftKey={`edit:${comment.id}`}
            ephemeral
            mode="comment"
            space={space}
            initial={{ body: comment.body }}
            submitLabel={text.post.save}
            onCancel={() => setMode('view')}
            onSend={async (v) => {
              await actions.edit(comment.id, { body: v.body });
              setMode('view');
            }}
          />
        ) : (
          <Markdown source={comment.body} nameOf={nameOf} />
        )}
        <div className="comment-actions">
          <ReactionBar space={space} target={comment.id} reactions={comment.reactions} label={`${text.post.react}: ${nameOf(comment.authorId)}`} />
          <button type="button" className="button-quiet" onClick={() => setMode(mode === 'reply' ? 'view' : 'reply')}>
            {text.post.reply}
          </button>
          {mine && (
            <>
              <button type="button" className="button-quiet" onClick={() => setMode('edit')}>
                {text.post.edit}
              </button>
              <button type="button" className="button-quiet" onClick={() => confirm(text.post.retractConfirm) && void actions.retract(comment.id)}>
                {text.post.retract}
              </button>
            </>
          )}
          {!mine && <ReportButton space={space} target={comment.id} label={`${text.post.report}: ${nameOf(comment.authorId)}`} />}
        </div>
        {mode === 'reply' && (
          <DraftedComposer
            draftKey={`reply:${comment.id}`}
            mode="comment"
            space={space}
            autoFocus
            label={`${text.post.reply} — ${nameOf(comment.authorId)}`}
            onCancel={() => setMode('view')}
            onSend={async (v) => {
              await actions.comment({ space, post, replyTo: comment.id, body: v.body });
              setMode('view');
            }}
          />
        )}
      </article>
      {comment.replies.length > 0 && <CommentThread comments={comment.replies} space={space} post={post} />}
    </li>
  );
}
