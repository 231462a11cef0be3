// Routes to the screen for the current hash.
import type { Route } from '../hooks/use-route.js';
import { HomeScreen } from './HomeScreen.js';
import { SpacesScreen } from './SpacesScreen.js';
import { SpaceScreen } from './SpaceScreen.js';
import { PostScreen } from './PostScreen.js';
import { MessagesScreen } from './MessagesScreen.js';
import { ConversationScreen } from './ConversationScreen.js';
import { PeopleScreen } from './PeopleScreen.js';
import { PersonScreen } from './PersonScreen.js';
import { InboxScreen } from './InboxScreen.js';
import { SearchScreen } from './SearchScreen.js';
import { PolicyScreen } from './PolicyScreen.js';
import { SettingsScreen } from './SettingsScreen.js';
import { UnansweredScreen } from './UnansweredSection.js';

export function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'spaces':
      return <SpacesScreen />;
    case 'space':
      return <SpaceScreen key={route.space} spaceId={route.space} />;
    case 'post':
      return <PostScreen key={route.post} spaceId={route.space} postId={route.post} {...(route.item ? { focus: route.item } : {})} />;
    case 'messages':
      return <MessagesScreen />;
    case 'conversation':
      return <ConversationScreen key={route.conversation} conversationId={route.conversation} {...(route.item ? { focus: route.item } : {})} />;
    case 'new-conversation':
      return <MessagesScreen startWith={route.to} />;
    case 'people':
      return <PeopleScreen />;
    case 'person':
      return <PersonScreen key={route.person} personId={route.person} />;
    case 'inbox':
      return <InboxScreen />;
    case 'search':
      return <SearchScreen initialQuery={route.q} />;
    case 'policy':
      return <PolicyScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'unanswered':
      return <UnansweredScreen />;
  }
}
