// The signed-in app: makes the session's services, keeps every readable room open, indexes for
// search, and frames the current screen in the UI engineer's AppShell.
import { lazy, Suspense, useEffect, useState } from 'react';
import { AppShell } from '../components/AppShell.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { StorageErrorBanner } from '../components/StorageErrorBanner.js';
import type { NavKey } from '../components/types.js';
import { createServices, type Services } from '../data/services.js';
import { ServicesContext, useServices } from '../hooks/services-context.js';
import { useConnection, useStorageStatus, useUnsynced } from '../hooks/use-connection.js';
import { useDirectory, useNameOf } from '../hooks/use-data.js';
import { useNotifications } from '../hooks/use-notifications.js';
import { useComputeUnread, UnreadContext } from '../hooks/use-unread.js';
import { useFollowedSpaceIds } from '../hooks/use-room-plan.js';
import { useSpaceViews } from '../hooks/use-spaces.js';
import { useRoomPlan } from '../hooks/use-room-plan.js';
import { useSearchIndexer } from '../hooks/use-search-indexer.js';
import { navigate, useRoute, type Route } from '../hooks/use-route.js';
import { signOut, type Session } from '../sync/session.js';
import { setTestServices } from '../test-hooks.js';
import { ReviewScreen } from '../moderation/ReviewScreen.js';
import { REVIEW_HREF, openReview, useReviewRoute } from '../moderation/review-route.js';
import { useModerationSync } from '../moderation/use-case-client.js';
import { Screen } from './Screen.js';
import { BOOKMARKS_HREF, RECOGNITION_HREF, go, useExtraRoute, type ExtraRoute } from '../engagement/extra-routes.js';
import { engagementText } from '../engagement/strings.js';
import { useRecognition } from '../engagement/use-engagement.js';
import { RecognitionScreen } from '../engagement/RecognitionScreen.js';
import { BookmarksScreen, TopicScreen } from '../engagement/KnowledgeParts.js';
import { OnboardingTour } from '../engagement/OnboardingTour.js';
import { FIGURES_HREF, mayAskForFigures, openFigures, useFiguresRoute } from '../figures/figures-route.js';
import { figureText } from '../figures/strings.js';
import { AttachmentContext } from '../files/attachments-context.js';
import { attachmentHost } from '../files/attachment-host.js';

// The charting library comes with the Figures screen only (a chunk of its own).
const FiguresScreen = lazy(() => import('../figures/FiguresScreen.js'));
import { ComingBack } from './ComingBack.js';
import { useConversations } from '../hooks/use-conversations.js';

export function SignedInApp({ session }: { session: Session }) {
  const [services, setServices] = useState<Services | null>(null);
  const { personId, relayUrl } = session;
  useEffect(() => {
    const created = createServices(session);
    setServices(created);
    setTestServices(created);
    return () => {
      setTestServices(null);
      created.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new token must not rebuild the services
  }, [personId, relayUrl]);
  useEffect(() => {
    services?.hub.setToken(session.token);
  }, [services, session.token]);
  if (!services) return null;
  return (
    <ServicesContext value={services}>
      <AttachmentContext value={attachmentHost(services.files)}>
        <Frame />
      </AttachmentContext>
    </ServicesContext>
  );
}

const NAV_OF: Record<Route['name'], NavKey> = {
  home: 'home',
  spaces: 'spaces',
  space: 'spaces',
  post: 'spaces',
  messages: 'messages',
  conversation: 'messages',
  'new-conversation': 'messages',
  people: 'people',
  person: 'people',
  inbox: 'inbox',
  search: 'search',
  policy: 'policy',
  unanswered: 'home',
  settings: 'settings',
};

function Frame() {
  useRoomPlan();
  useSearchIndexer();
  const { me, hub } = useServices();
  const route = useRoute();
  // Moderators and facilitators: their case files sync in the background; the review pane is theirs.
  const mayReview = useModerationSync();
  const reviewing = useReviewRoute();
  const figuring = useFiguresRoute();
  // Recognition, bookmarks and topics: where recognition is off for the person, its page does not exist.
  const recognition = useRecognition();
  const routed = useExtraRoute();
  const extra: ExtraRoute | null = routed?.name === 'recognition' && !recognition.on ? null : routed;
  const extraNav = [
    ...(recognition.on ? [{ id: 'recognition' as const, href: RECOGNITION_HREF, label: engagementText.nav.recognition, onOpen: () => go(RECOGNITION_HREF) }] : []),
    { id: 'bookmarks' as const, href: BOOKMARKS_HREF, label: engagementText.nav.bookmarks, onOpen: () => go(BOOKMARKS_HREF) },
  ];
  const connection = useConnection();
  const unsynced = useUnsynced();
  const storage = useStorageStatus();
  const directory = useDirectory();
  const nameOf = useNameOf();
  const record = directory.get(me);
  const mayFigure = mayAskForFigures(record?.roles);
  const followed = useSpaceViews(useFollowedSpaceIds());
  const conversations = useConversations();
  const unread = useComputeUnread(followed, conversations);
  useNotifications(unread.total, followed);
  const banner =
    storage.problem === null ? undefined : (
      <StorageErrorBanner
        problem={storage.problem === 'write-failed' ? 'unavailable' : storage.problem}
        unwrittenCount={storage.unsaved}
        detail={storage.detail}
        onRetry={() => hub.list().forEach((r) => r.persistence.retryNow())}
      />
    );
  return (
    <AppShell
      current={reviewing ? 'review' : figuring && mayFigure ? 'figures' : extra?.name === 'recognition' || extra?.name === 'bookmarks' ? extra.name : NAV_OF[route.name]}
      extraNav={extraNav}
      onNavigate={(key) => navigate({ name: key } as Route)}
      inboxUnread={unread.inbox}
      messagesUnread={unread.messages}
      spacesUnread={unread.spaces}
      me={{ name: nameOf(me), ...(record?.title ? { title: record.title } : {}) }}
      onSignOut={() => void signOut()}
      connection={<ConnectionStatus state={connection} unsavedCount={unsynced} onRetry={() => hub.setOnline(navigator.onLine)} />}
      banner={banner}
      {...(mayReview ? { review: { href: REVIEW_HREF, onOpen: openReview } } : {})}
      {...(mayFigure ? { figures: { href: FIGURES_HREF, label: figureText.nav, onOpen: openFigures } } : {})}
    >
      <UnreadContext value={unread}>
        <ComingBack spaces={followed} conversations={conversations} />
      {reviewing ? (
        <ReviewScreen allowed={mayReview} />
      ) : figuring && mayFigure ? (
        <Suspense fallback={<p role="status">{figureText.loading}</p>}>
          <FiguresScreen />
        </Suspense>
      ) : extra?.name === 'recognition' ? (
        <RecognitionScreen />
      ) : extra?.name === 'bookmarks' ? (
        <BookmarksScreen />
      ) : extra?.name === 'topic' ? (
        <TopicScreen key={extra.tag} tag={extra.tag} />
      ) : (
        <Screen route={route} />
      )}
      <OnboardingTour />
      </UnreadContext>
    </AppShell>
  );
}
