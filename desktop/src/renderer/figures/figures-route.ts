// The Figures screen's address, `#/figures`, offered to comms, admins and facilitators (the relay
// still decides what each may see). Outside hooks/use-route.ts for the same reason as the review
// pane: the frame asks this first and falls back to the ordinary routes.
import { useSyncExternalStore } from 'react';

export const FIGURES_HREF = '#/figures';

export function isFiguresHash(hash: string): boolean {
  return /^#\/?figures\/?$/.test(hash.split('?')[0] ?? '');
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useFiguresRoute(): boolean {
  return useSyncExternalStore(subscribe, () => isFiguresHash(location.hash), () => false);
}

export function openFigures(): void {
  location.hash = FIGURES_HREF;
}

/** Roles that are offered the Figures screen. */
export function mayAskForFigures(roles: readonly string[] | undefined): boolean {
  return (roles ?? []).some((r) => r === 'comms' || r === 'admin' || r === 'facilitator');
}
