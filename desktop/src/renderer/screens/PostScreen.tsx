// A post's thread: the UI engineer's Thread (the post in full, reactions, threaded comments, edit,
// withdraw and report in place), its writes through useActions, its new-comment and reply drafts
// kept on this device (KeptComposer), and the policy acknowledgement asked for before writing.
import { useEffect } from 'react';
import { likelyBucketsOfId } from '@hearth/core';
import { Composer } from '../components/Composer.js';
import type { RenderComposer } from '../components/CommentItem.js';
import { Thread } from '../components/Thread.js';
import { useComposerData } from '../hooks/use-composer-data.js';
import { useCatalogue, useSpace } from '../hooks/use-data.js';
import { usePolicyGate } from '../hooks/use-policy-gate.js';
import { href, navigate } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { useThreadWrites } from '../hooks/use-thread-writes.js';
import { useFocusItem } from '../hooks/use-focus-item.js';
import { useStrings } from '../i18n/index.js';
import { KeptComposer } from './KeptComposer.js';
import { PolicyGate } from './PolicyGate.js';
import { PostKnowledge } from '../engagement/KnowledgeParts.js';
import { usePostEngagement } from './post-engagement.js';

// New comments and replies keep a draft ("comment:<post>", "reply:<comment>"); an edit starts
// from the item's own text and keeps none.
const renderComposer: RenderComposer = (context, props) =>
  context.kind === 'edit' ? <Composer {...props} /> : <KeptComposer draftKey={`${context.kind}:${context.id}`} {...props} attachments />;

export function PostScreen({ spaceId, postId, focus }: { spaceId: string; postId: string; focus?: string }) {
  const s = useStrings();
  const { me } = useServices();
  const { view } = useSpace(spaceId);
  const catalogue = useCatalogue();
  const { evaluateDraft, people, nameOf } = useComposerData();
  const gate = usePolicyGate();
  const { saving, reported, ...writes } = useThreadWrites(spaceId, postId);
  const found = view.posts.find((p) => p.id === postId);
  const facilitators = view.meta?.facilitators ?? catalogue.find((c) => c.id === spaceId)?.facilitators ?? [];
  const engagement = usePostEngagement(found, spaceId, facilitators, !gate.needed);
  const post = engagement?.post ?? found;
  useFocusItem(focus, post === undefined ? -1 : post.commentCount);
  // A link to a post older than the months on this device: keep the months it was likely published in.
  const { buckets } = useServices();
  useEffect(() => {
    if (found === undefined) for (const month of likelyBucketsOfId(postId)) buckets.open(spaceId, month);
  }, [found === undefined, postId, spaceId, buckets]); // eslint-disable-line react-hooks/exhaustive-deps -- only whether it is missing matters
  const spaceName = view.meta?.name ?? catalogue.find((c) => c.id === spaceId)?.name ?? spaceId;
  const back = <a href={href({ name: 'space', space: spaceId })}>{s.t('screen.post.back')}</a>;
  if (!post) {
    return (
      <section className="screen screen-post" aria-labelledby="post-missing">
        <h1 id="post-missing">{spaceName}</h1>
        <p>{s.t('screen.post.notFound')}</p>
        {back}
      </section>
    );
  }
  return (
    <section className="screen screen-post" aria-label={post.title || spaceName}>
      <nav aria-label={spaceName}>{back}</nav>
      <Thread
        post={post}
        me={me}
        nameOf={nameOf}
        people={people}
        evaluateDraft={evaluateDraft}
        space={spaceId}
        spaceName={spaceName}
        {...writes}
        onOpenPerson={(person) => navigate({ name: 'person', person })}
        writeBlocker={gate.needed ? <PolicyGate>{null}</PolicyGate> : undefined}
        renderComposer={renderComposer}
        {...(engagement ? { personMark: engagement.personMark, postExtras: engagement.postExtras } : {})}
        {...(engagement?.renderCommentExtras ? { renderCommentExtras: engagement.renderCommentExtras } : {})}
      />
      <PostKnowledge post={post} meta={view.meta ?? catalogue.find((c) => c.id === spaceId) ?? null} />
      <p role="status" className="post-status">
        {saving ? s.t('screen.saving') : reported ? s.t('screen.post.reported') : ''}
      </p>
    </section>
  );
}
