// Native notifications for mentions, replies and held items. The renderer decides what deserves a
// notification (it knows the data); main only shows it, and a click focuses the window and opens
// the route the notification carried (already validated by the IPC schema).
import type { NotificationRequest } from '../../shared/bridge.js';

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
  focusWindow(): void;
  navigate(route: string): void;
}

export function createNotifier(deps: NotifierDeps) {
  // Keep shown notifications referenced, or a garbage-collected one loses its click handler.
  const live = new Set<NotificationLike>();
  return (request: NotificationRequest): void => {
    if (!deps.isSupported()) return;
    const n = deps.create({ title: request.title, body: request.body, silent: false });
    live.add(n);
    n.on('click', () => {
      live.delete(n);
      deps.focusWindow();
      if (request.route !== undefined) deps.navigate(request.route);
    });
    n.show();
    if (live.size > 50) live.delete(live.values().next().value as NotificationLike);
  };
}
