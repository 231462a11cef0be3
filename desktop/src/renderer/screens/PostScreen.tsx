// A post's thread: the post in full, reactions, threaded comments, a comment composer; the author
// edits or withdraws their own post here.
import { useState } from 'react';
import { PostCard } from '../components/PostCard.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useNameOf, useSpace } from '../hooks/use-data.js';
import { href } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { CommentThread } from './CommentThread.js';
import { DraftedComposer } from './DraftedComposer.js';
import { ReactionBar } from './ReactionBar.js';
import { ReportButton } from './ReportButton.js';
import { text } from './strings.js';

export function PostScreen({ spaceId, postId }: { spaceId: string; postId: string }) {
  const { me } = useServices();
  const { view } = useSpace(spaceId);
  const catalogue = useCatalogue();
  const nameOf = useNameOf();
  const actions = useActions();
  const [editing, setEditing] = useState(false);
  const post = view.posts.find((p) => p.id === postId);
  const spaceName = view.meta?.name ?? catalogue.find((s) => s.id === spaceId)?.name ?? spaceId;
  const back = <a href={href({ name: 'space', space: spaceId })}>{text.post.back}</a>;
  if (!post) {
    return (
      <section className="screen screen-post" aria-labelledby="post-missing">
        <h1 id="post-missing">{spaceName}</h1>
        <p>{text.post.notFound}</p>
        {back}
      </section>
    );
  }
  const mine = post.authorId === me;
  return (
    <section className="screen screen-post" aria-label={post.title || spaceName}>
      <nav aria-label={spaceName}>{back}</nav>
      {editing ? (
        <DraftedComposer
          draftKey={`edit:${post.id}`}
          ephemeral
          mode="post"
          space={spaceId}
          initial={{ kind: post.kind, title: post.title, body: post.body }}
          submitLabel={text.post.save}
          onCancel={() => setEditing(false)}
          onSend={async (v) => {
            await actions.edit(post.id, { title: v.title, body: v.body });
            setEditing(false);
          }}
        />
      ) : (
        <PostCard post={post} nameOf={nameOf} spaceName={spaceName} body="full" headingLevel={2} onOpen={() => undefined} />
      )}
      <div className="post-actions">
        <ReactionBar space={spaceId} target={post.id} reactions={post.reactions} label={`${text.post.react}: ${post.title}`} />
        {mine ? (
          <>
            <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
              {text.post.edit}
            </button>
            <button type="button" className="button-quiet" onClick={() => confirm(text.post.retractConfirm) && void actions.retract(post.id)}>
              {text.post.retract}
            </button>
          </>
        ) : (
          <ReportButton space={spaceId} target={post.id} label={`${text.post.report}: ${post.title}`} />
        )}
      </div>
      <section aria-labelledby="comments-title" className="post-comments">
        <h2 id="comments-title">{text.post.comments}</h2>
        <CommentThread comments={post.comments} space={spaceId} post={post.id} />
        <DraftedComposer
          draftKey={`comment:${post.id}`}
          mode="comment"
          space={spaceId}
          onSend={(v) => actions.comment({ space: spaceId, post: post.id, replyTo: null, body: v.body }).then(() => undefined)}
        />
      </section>
    </section>
  );
}
