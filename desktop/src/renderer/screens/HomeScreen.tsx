// Home: the newest posts across every space the person reads (news included), unread marked.
// Until every room has applied its stored state, the last shown top of the feed is displayed
// (data/feed-snapshot.ts), so the first frame after a restart is the feed, not a spinner.
import { useEffect, useMemo, useState } from 'react';
import { Feed } from '../components/Feed.js';
import { loadFeedSnapshot, saveFeedSnapshot } from '../data/feed-snapshot.js';
import { useServices } from '../hooks/services-context.js';
import { useCatalogue, useInbox, useNameOf } from '../hooks/use-data.js';
import { useReadState } from '../hooks/use-read-state.js';
import { useFollowedSpaceIds } from '../hooks/use-room-plan.js';
import { navigate } from '../hooks/use-route.js';
import { useRoomsLoaded } from '../hooks/use-rooms.js';
import { mergeFeeds, useSpaceViews } from '../hooks/use-spaces.js';
import { text } from './strings.js';
import { MustReadPins } from '../components/MustReadPins.js';
import { useActions } from '../hooks/use-actions.js';
import { useMustReadPending, usePersonMark, useUnanswered } from '../hooks/use-engagement.js';
import { href } from '../hooks/use-route.js';
import { useStrings } from '../i18n/index.js';

export function HomeScreen() {
  const { me } = useServices();
  const ids = useFollowedSpaceIds();
  const inbox = useInbox();
  const views = useSpaceViews(ids);
  const live = useMemo(() => mergeFeeds(views), [views]);
  const loaded = useRoomsLoaded(useMemo(() => ['spaces', `inbox/${me}`, ...ids.map((id) => `space/${id}`)], [ids, me]));
  const [snapshot] = useState(() => loadFeedSnapshot(me));
  const posts = loaded || live.length >= snapshot.length ? live : snapshot;
  useEffect(() => {
    if (!loaded || live.length === 0) return;
    performance.mark('hearth:feed-live');
    const timer = setTimeout(() => saveFeedSnapshot(me, live), 1000);
    return () => clearTimeout(timer);
  }, [loaded, live, me]);

  const nameOf = useNameOf();
  const catalogue = useCatalogue();
  const spaceName = useMemo(() => {
    const names = new Map(catalogue.map((s) => [s.id, s.name]));
    for (const [id, v] of views) if (v.meta) names.set(id, v.meta.name);
    return (id: string) => names.get(id) ?? id;
  }, [catalogue, views]);
  const { isRead, markRead } = useReadState();
  const s = useStrings();
  const actions = useActions();
  const mustRead = useMustReadPending();
  const unanswered = useUnanswered();
  const personMark = usePersonMark();
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
      {inbox.memberships.length === 0 && (
        <p className="home-follow-hint">
          {text.home.followHint}{' '}
          <button type="button" className="link-button inline-link" onClick={() => navigate({ name: 'spaces' })}>
            {text.home.browseSpaces}
          </button>
        </p>
      )}
      <MustReadPins
        posts={mustRead}
        nameOf={nameOf}
        onOpen={(p) => navigate({ name: 'post', space: p.space, post: p.id })}
        onAcknowledge={(p) => void actions.readAck({ space: p.space, post: p.id })}
      />
      {unanswered.length > 0 && (
        <p className="home-unanswered">
          <a href={href({ name: 'unanswered' })}>{s.t('engage.unanswered.link', { count: unanswered.length })}</a>
        </p>
      )}
      <Feed
        personMark={personMark}
        posts={posts}
        nameOf={nameOf}
        label={text.home.title}
        spaceNameOf={spaceName}
        isUnread={(id) => !isRead(id)}
        me={me}
        onOpenPost={(id) => {
          markRead([id]);
          navigate({ name: 'post', space: spaceOf.get(id) ?? '', post: id });
        }}
      />
    </section>
  );
}
