// One space: its feed (virtualized by the UI engineer's Feed: 10,000 posts scroll smoothly) and a
// composer for a new post, behind the policy acknowledgement.
import { useState } from 'react';
import { Feed } from '../components/Feed.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useNameOf, useSpace } from '../hooks/use-data.js';
import { useReadState } from '../hooks/use-read-state.js';
import { navigate } from '../hooks/use-route.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';

export function SpaceScreen({ spaceId }: { spaceId: string }) {
  const { view, status } = useSpace(spaceId);
  const catalogue = useCatalogue();
  const nameOf = useNameOf();
  const actions = useActions();
  const { isRead, markRead } = useReadState();
  const [composing, setComposing] = useState(false);
  const name = view.meta?.name ?? catalogue.find((s) => s.id === spaceId)?.name ?? spaceId;

  if (status.connection === 'denied' && view.posts.length === 0) return <Refused title={name} message={text.space.notAllowed} />;
  if (status.connection === 'not-found' && view.posts.length === 0) return <Refused title={name} message={text.space.notFound} />;

  return (
    <section className="screen screen-space" aria-labelledby="space-title">
      <header className="screen-header">
        <h1 id="space-title">{name}</h1>
        {view.meta?.description && <p>{view.meta.description}</p>}
        <button type="button" className="button-primary" aria-expanded={composing} onClick={() => setComposing((c) => !c)}>
          {text.space.newPost}
        </button>
      </header>
      {composing && (
          <DraftedComposer
            draftKey={`post:${spaceId}`}
            mode="post"
            space={spaceId}
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
      <p role="alert" data-refused="true">{message}</p>
    </section>
  );
}
