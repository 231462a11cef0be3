// Hash routing: '#/space/<id>', '#/post/<space>/<post>', ... Why hash: the same bundle is served by
// the relay from any path and loaded by Electron from a custom protocol; neither needs a server
// rewrite rule.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'spaces' }
  | { name: 'space'; space: string }
  /** `item`: a comment to scroll into view and highlight (an inbox notice's Open). */
  | { name: 'post'; space: string; post: string; item?: string }
  | { name: 'messages' }
  | { name: 'conversation'; conversation: string; item?: string }
  | { name: 'new-conversation'; to: string[] }
  | { name: 'people' }
  | { name: 'person'; person: string }
  | { name: 'inbox' }
  | { name: 'search'; q: string }
  | { name: 'policy' }
  | { name: 'settings' }
  | { name: 'unanswered' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case 'spaces':
      return { name: 'spaces' };
    case 'space':
      return parts[1] ? { name: 'space', space: parts[1] } : { name: 'spaces' };
    case 'post':
      if (!parts[1] || !parts[2]) return { name: 'home' };
      return params.get('item') ? { name: 'post', space: parts[1], post: parts[2], item: params.get('item') ?? '' } : { name: 'post', space: parts[1], post: parts[2] };
    case 'messages':
      return { name: 'messages' };
    case 'dm':
      if (parts[1] === 'new') return { name: 'new-conversation', to: (params.get('to') ?? '').split(',').filter(Boolean) };
      if (!parts[1]) return { name: 'messages' };
      return params.get('item') ? { name: 'conversation', conversation: parts[1], item: params.get('item') ?? '' } : { name: 'conversation', conversation: parts[1] };
    case 'people':
      return { name: 'people' };
    case 'person':
      return parts[1] ? { name: 'person', person: parts[1] } : { name: 'people' };
    case 'inbox':
      return { name: 'inbox' };
    case 'search':
      return { name: 'search', q: params.get('q') ?? '' };
    case 'policy':
      return { name: 'policy' };
    case 'settings':
      return { name: 'settings' };
    case 'unanswered':
      return { name: 'unanswered' };
    default:
      return { name: 'home' };
  }
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'space':
      return `#/space/${e(route.space)}`;
    case 'post':
      return `#/post/${e(route.space)}/${e(route.post)}${route.item ? `?item=${e(route.item)}` : ''}`;
    case 'conversation':
      return `#/dm/${e(route.conversation)}${route.item ? `?item=${e(route.item)}` : ''}`;
    case 'new-conversation':
      return `#/dm/new?to=${route.to.map(e).join(',')}`;
    case 'person':
      return `#/person/${e(route.person)}`;
    case 'search':
      return route.q ? `#/search?q=${e(route.q)}` : '#/search';
    default:
      return `#/${route.name}`;
  }
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash, () => '');
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  location.hash = href(route);
}
