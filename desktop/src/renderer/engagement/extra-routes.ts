// Addresses of the recognition, bookmarks and topic screens (#/recognition, #/bookmarks, #/topic/<tag>).
// Outside hooks/use-route.ts like the review pane and figures: the frame asks these first and falls
// back to the ordinary routes, so the shared router stays as it is.
import { useSyncExternalStore } from 'react';

export type ExtraRoute = { name: 'recognition' } | { name: 'bookmarks' } | { name: 'topic'; tag: string };

export const RECOGNITION_HREF = '#/recognition';
export const BOOKMARKS_HREF = '#/bookmarks';
export const topicHref = (tag: string): string => `#/topic/${encodeURIComponent(tag)}`;

export function parseExtraRoute(hash: string): ExtraRoute | null {
  const parts = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] === 'recognition') return { name: 'recognition' };
  if (parts.length === 1 && parts[0] === 'bookmarks') return { name: 'bookmarks' };
  if (parts.length === 2 && parts[0] === 'topic') {
    try {
      return { name: 'topic', tag: decodeURIComponent(parts[1]!).toLowerCase() };
    } catch {
      return null;
    }
  }
  return null;
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useExtraRoute(): ExtraRoute | null {
  const hash = useSyncExternalStore(subscribe, () => location.hash, () => '');
  // Parsed per hash: the same hash gives an equal route (components key on its fields).
  return parseExtraRoute(hash);
}

export function go(hash: string): void {
  location.hash = hash;
}
