// The review pane's address, `#/review`. Why outside hooks/use-route.ts: the pane is offered only to
// moderators and facilitators, so the signed-in frame asks this first and falls back to the
// ordinary routes (for which `#/review` would otherwise mean home).
import { useSyncExternalStore } from 'react';

export const REVIEW_HREF = '#/review';

export function isReviewHash(hash: string): boolean {
  return /^#\/?review\/?$/.test(hash.split('?')[0] ?? '');
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useReviewRoute(): boolean {
  return useSyncExternalStore(subscribe, () => isReviewHash(location.hash), () => false);
}

export function openReview(): void {
  location.hash = REVIEW_HREF;
}
