// One space: the UI engineer's SpaceHeader and Feed (virtualized: 10,000 posts scroll smoothly),
// and a composer for a new post (behind the policy acknowledgement, with a kept draft).
import { useState } from 'react';
import type { SpaceMeta } from '@hearth/core';
import { Feed } from '../components/Feed.js';
import { SpaceHeader } from '../components/SpaceHeader.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useNameOf, useOutbox, useSpace } from '../hooks/use-data.js';
import { usePostingRights } from '../hooks/use-posting-rights.js';
import { useReadState } from '../hooks/use-read-state.js';
import { navigate } from '../hooks/use-route.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';

export function SpaceScreen({ spaceId }: { spaceId: string }) {
  const { view, status } = useSpace(spaceId);
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const outbox = useOutbox();
  const nameOf = useNameOf();
  const actions = useActions();
  const { isRead, markRead } = useReadState();
  const [composing, setComposing] = useState(false);
  const meta: SpaceMeta | undefined = view.meta ?? catalogue.find((s) => s.id === spaceId);
  const name = meta?.name ?? spaceId;
  const rights = usePostingRights(meta, view.members);
  const mayPost = rights !== null && rights.kinds.length > 0;

  if (status.connection === 'denied' && view.posts.length === 0) return <Refused title={name} message={text.space.notAllowed} />;
  if (status.connection === 'not-found' && view.posts.length === 0) return <Refused title={name} message={text.space.notFound} />;

  const requested = outbox.some((e) => e.type === 'join' && e.space === spaceId && !e.retracted);
  const isMember = meta?.visibility === 'public' || inbox.memberships.includes(spaceId);
  return (
    <section className="screen screen-space" aria-label={name}>
      {meta ? (
        <SpaceHeader
          space={meta}
          nameOf={nameOf}
          isMember={isMember}
          requested={requested && !isMember}
          {...(meta.visibility !== 'public' ? { memberCount: view.members.length } : {})}
          {...(mayPost ? { onNewPost: () => setComposing((c) => !c) } : {})}
          {...(rights !== null && !mayPost ? { cannotPost: rights.problems.map((p) => p.message).join(' ') } : {})}
          onJoin={() => void actions.join(spaceId)}
          onRequestJoin={() => void actions.join(spaceId)}
          onOpenPerson={(person) => navigate({ name: 'person', person })}
        />
      ) : (
        <h1>{name}</h1>
      )}
      {composing && mayPost && (
        <DraftedComposer
          draftKey={`post:${spaceId}`}
          mode="post"
          space={spaceId}
          kinds={rights.kinds}
          autoFocus
          onCancel={() => setComposing(false)}
          onSend={async (v) => {
            await actions.post({ space: spaceId, kind: v.kind, title: v.title, body: v.body });
            setComposing(false);
          }}
        />
      )}
      <Feed
        posts={view.posts}
        nameOf={nameOf}
        label={text.space.feedLabel(name)}
        isUnread={(id) => !isRead(id)}
        loading={!status.synced && view.posts.length === 0 && status.connection === 'connecting'}
        onOpenPost={(id) => {
          markRead([id]);
          navigate({ name: 'post', space: spaceId, post: id });
        }}
      />
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
