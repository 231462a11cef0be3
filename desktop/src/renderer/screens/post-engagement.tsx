// What a thread adds for questions, "ask me anything" posts and must-read announcements: the
// accepted answer (marked, first, chosen by the asker or a facilitator), AMA questions by votes with
// the leader's answers marked, and the must-read acknowledgement or, for the author and comms, its
// reach. Every write goes through useActions; nothing here decides what the relay will accept
// beyond showing the controls to the people core's rules allow.
import type { ReactNode } from 'react';
import { acknowledgedPosts, amaQuestions, VOTE_EMOJI, type CommentView, type PostView, type Reaction } from '@hearth/core';
import { AmaVote } from '../components/AmaVote.js';
import { AnswerControls } from '../components/AnswerControls.js';
import { ReachFigure } from '../components/ReachFigure.js';
import type { ThreadProps } from '../components/Thread.js';
import { useServices } from '../hooks/services-context.js';
import { useActions } from '../hooks/use-actions.js';
import { useDirectory, useInbox, useNameOf, useOutbox } from '../hooks/use-data.js';
import { usePersonMark } from '../hooks/use-engagement.js';
import { useStrings } from '../i18n/index.js';

type Extras = Pick<ThreadProps, 'renderCommentExtras' | 'postExtras' | 'personMark'> & { post: PostView };

export function usePostEngagement(post: PostView | undefined, space: string, facilitators: readonly string[], mayWrite: boolean): Extras | null {
  const s = useStrings();
  const { me } = useServices();
  const actions = useActions();
  const inbox = useInbox();
  const outbox = useOutbox();
  const nameOf = useNameOf();
  const directory = useDirectory();
  const personMark = usePersonMark();
  if (post === undefined) return null;
  let shown = post;
  let renderCommentExtras: ((comment: CommentView, depth: number) => ReactNode) | undefined;
  if (post.kind === 'question') {
    const mayAccept = mayWrite && (post.authorId === me || facilitators.includes(me));
    renderCommentExtras = (c) => (
      <AnswerControls
        accepted={post.acceptedAnswer === c.id}
        mayAccept={mayAccept && c.pending === undefined}
        onAccept={() => void actions.acceptAnswer({ space, post: post.id, comment: c.id })}
        onWithdraw={() => void actions.acceptAnswer({ space, post: post.id, comment: null })}
      />
    );
  } else if (post.kind === 'ama') {
    const questions = amaQuestions(post, me);
    const byId = new Map(questions.map((q) => [q.comment.id, q]));
    // Questions by votes; the leader's own top-level comments (an introduction) after them.
    shown = { ...post, comments: [...questions.map((q) => q.comment), ...post.comments.filter((c) => !byId.has(c.id))] };
    const leader = nameOf(post.authorId);
    renderCommentExtras = (c, depth) => {
      const q = depth === 0 ? byId.get(c.id) : undefined;
      if (q === undefined) return null;
      const toggle = (vote: boolean) => {
        if (vote) void actions.react({ space, target: c.id, emoji: VOTE_EMOJI as Reaction });
        else for (const e of outbox) if (e.type === 'reaction' && e.target === c.id && e.emoji === VOTE_EMOJI && !e.retracted) void actions.retract(e.id);
      };
      return <AmaVote votes={q.votes} voted={q.votedByMe} answeredBy={q.answered ? leader : null} {...(mayWrite && c.authorId !== me ? { onToggle: toggle } : {})} />;
    };
  }
  let postExtras: ReactNode = null;
  if (post.mustRead === true) {
    const comms = directory.get(me)?.roles.includes('comms') === true;
    const reach = inbox.reach?.[post.id];
    const read = acknowledgedPosts(outbox).has(post.id);
    postExtras = (
      <div className="must-read-box">
        <span className="mark mark-must-read">{s.t('engage.mustRead')}</span>
        {post.authorId === me || (comms && reach !== undefined) ? (
          <ReachFigure reach={reach} />
        ) : read ? (
          <p>{s.t('engage.mustRead.acknowledged')}</p>
        ) : (
          <button type="button" className="button-primary" onClick={() => void actions.readAck({ space, post: post.id })}>
            {s.t('engage.mustRead.acknowledge')}
          </button>
        )}
      </div>
    );
  }
  return { post: shown, personMark, postExtras, ...(renderCommentExtras ? { renderCommentExtras } : {}) };
}
