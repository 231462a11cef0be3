// Home: the newest posts across every space the person reads (news included), unread marked.
import { useMemo } from 'react';
import { Feed } from '../components/Feed.js';
import { useCatalogue, useNameOf } from '../hooks/use-data.js';
import { useReadState } from '../hooks/use-read-state.js';
import { useReadableSpaceIds } from '../hooks/use-room-plan.js';
import { navigate } from '../hooks/use-route.js';
import { mergeFeeds, useSpaceViews } from '../hooks/use-spaces.js';
import { text } from './strings.js';

export function HomeScreen() {
  const ids = useReadableSpaceIds();
  const views = useSpaceViews(ids);
  const posts = useMemo(() => mergeFeeds(views), [views]);
  const nameOf = useNameOf();
  const catalogue = useCatalogue();
  const spaceName = useMemo(() => {
    const names = new Map(catalogue.map((s) => [s.id, s.name]));
    for (const [id, v] of views) if (v.meta) names.set(id, v.meta.name);
    return (id: string) => names.get(id) ?? id;
  }, [catalogue, views]);
  const { isRead, markRead } = useReadState();
  const spaceOf = useMemo(() => new Map(posts.map((p) => [p.id, p.space])), [posts]);
  return (
    <section className="screen screen-home" aria-labelledby="home-title">
      <header className="screen-header">
        <h1 id="home-title">{text.home.title}</h1>
        <p>{text.home.subtitle}</p>
        <button type="button" className="button-quiet" onClick={() => markRead(posts.map((p) => p.id))}>
          {text.home.markAllRead}
        </button>
      </header>
      <Feed
        posts={posts}
        nameOf={nameOf}
        label={text.home.title}
        spaceNameOf={spaceName}
        isUnread={(id) => !isRead(id)}
        onOpenPost={(id) => {
          markRead([id]);
          navigate({ name: 'post', space: spaceOf.get(id) ?? '', post: id });
        }}
      />
    </section>
  );
}
