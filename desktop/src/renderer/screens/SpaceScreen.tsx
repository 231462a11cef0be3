// One space: the UI engineer's SpaceHeader and Feed (virtualized: 10,000 posts scroll smoothly),
// and a composer for a new post (behind the policy acknowledgement, with a kept draft).
import { useState } from 'react';
import type { SpaceMeta } from '@hearth/core';
import { Feed } from '../components/Feed.js';
import { MembershipControls } from '../components/MembershipControls.js';
import { membershipState } from '../data/membership.js';
import { useServices } from '../hooks/services-context.js';
import { SpaceHeader } from '../components/SpaceHeader.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useNameOf, useOutbox, useSpace } from '../hooks/use-data.js';
import { usePostingRights } from '../hooks/use-posting-rights.js';
import { useReadState } from '../hooks/use-read-state.js';
import { navigate } from '../hooks/use-route.js';
import { DraftedComposer } from './DraftedComposer.js';
import { SimilarQuestionsPanel } from './SimilarQuestionsPanel.js';
import { UnansweredSection } from './UnansweredSection.js';
import { usePersonMark } from '../hooks/use-engagement.js';
import { useStrings } from '../i18n/index.js';
import { CoursePanel } from '../courses/CoursePanel.js';
import { OlderPosts } from './OlderPosts.js';
import { text } from './strings.js';
import { SpaceEngagement } from '../engagement/SpaceEngagement.js';

export function SpaceScreen({ spaceId }: { spaceId: string }) {
  const { me, files } = useServices();
  const { view, status } = useSpace(spaceId);
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const outbox = useOutbox();
  const nameOf = useNameOf();
  const actions = useActions();
  const { isRead, markRead } = useReadState();
  const [composing, setComposing] = useState(false);
  // What the composer holds, for the similar questions and the must-read option.
  const [drafting, setDrafting] = useState<{ kind: string; title: string }>({ kind: '', title: '' });
  const [mustRead, setMustRead] = useState(false);
  const personMark = usePersonMark();
  const s = useStrings();
  const meta: SpaceMeta | undefined = view.meta ?? catalogue.find((s) => s.id === spaceId);
  const name = meta?.name ?? spaceId;
  const rights = usePostingRights(meta, view.members);
  const mayPost = rights !== null && rights.kinds.length > 0;

  // A private space one is not in is no dead end: its catalogue entry says what it is, and one can ask to join.
  const outside = status.connection === 'denied' && view.posts.length === 0;
  if (outside && meta?.visibility !== 'private') return <Refused title={name} message={text.space.notAllowed} />;
  if (status.connection === 'not-found' && view.posts.length === 0) return <Refused title={name} message={text.space.notFound} />;

  const membership = meta ? membershipState(spaceId, meta.visibility, me, inbox, outbox) : null;
  return (
    <section className="screen screen-space" aria-label={name}>
      {meta && membership ? (
        <SpaceHeader
          space={meta}
          nameOf={nameOf}
          {...(outside ? {} : { memberCount: view.members.length })}
          {...(mayPost && !outside ? { onNewPost: () => setComposing((c) => !c) } : {})}
          {...(rights !== null && !mayPost && !outside ? { cannotPost: rights.problems.map((p) => p.message).join(' ') } : {})}
          membership={
            <MembershipControls
              space={meta}
              state={membership}
              facilitates={meta.facilitators.includes(me)}
              onJoin={() => void actions.join(spaceId)}
              onLeave={() => void actions.leave(spaceId)}
              onWithdraw={(request) => void actions.retract(request)}
            />
          }
          onOpenPerson={(person) => navigate({ name: 'person', person })}
        />
      ) : (
        <h1>{name}</h1>
      )}
      {outside && (
        <p className="empty" data-refused="true">
          {text.space.membersOnly}
        </p>
      )}
      {composing && mayPost && (
        <>
          <DraftedComposer
            draftKey={`post:${spaceId}`}
            mode="post"
            space={spaceId}
            kinds={rights.kinds}
            attachments
            autoFocus
            onCancel={() => setComposing(false)}
            onChange={(v) => setDrafting({ kind: v.kind, title: v.title })}
            onSend={async (v) => {
              // The files are kept on this device first (under their hashes): the post is written at once, offline too.
              const attachments = v.files === undefined ? [] : await files.keep(v.files, `space/${spaceId}`);
              await actions.post({ space: spaceId, kind: v.kind, title: v.title, body: v.body, mustRead: mustRead && v.kind === 'announcement', ...(attachments.length > 0 ? { attachments } : {}) });
              setComposing(false);
              setMustRead(false);
            }}
          />
          {rights.kinds.includes('announcement') && (
            <label className="field-check must-read-option">
              <input type="checkbox" checked={mustRead} onChange={(e) => setMustRead(e.currentTarget.checked)} /> {s.t('engage.mustRead.option')}
            </label>
          )}
          {(drafting.kind === 'question' || (drafting.kind === '' && rights.kinds[0] === 'question')) && <SimilarQuestionsPanel title={drafting.title} />}
        </>
      )}
      {!outside && meta && <SpaceEngagement meta={meta} posts={view.posts} />}
      {!outside && <UnansweredSection spaceId={spaceId} />}
      {!outside && view.meta?.kind === 'course' && <CoursePanel view={view} />}
      {!outside && <Feed
        posts={view.posts}
        nameOf={nameOf}
        label={text.space.feedLabel(name)}
        personMark={personMark}
        isUnread={(id) => !isRead(id)}
        me={me}
        loading={!status.synced && view.posts.length === 0 && status.connection === 'connecting'}
        onOpenPost={(id) => {
          markRead([id]);
          navigate({ name: 'post', space: spaceId, post: id });
        }}
      />}
      {!outside && <OlderPosts spaceId={spaceId} />}
    </section>
  );
}

function Refused({ title, message }: { title: string; message: string }) {
  return (
    <section className="screen screen-refused" aria-labelledby="refused-title">
      <h1 id="refused-title">{title}</h1>
      <p role="alert" data-refused="true">
        {message}
      </p>
    </section>
  );
}
