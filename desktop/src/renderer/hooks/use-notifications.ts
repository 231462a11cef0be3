// Tells the person about what needs them: the unread total on the dock / taskbar badge (through
// the bridge) and in the window title, and an OS notification (Electron) or Web Notification (the
// browser) for a new notice or post — when the person's settings allow it (notify/notice-rules.ts:
// per-space level, muted conversations, quiet hours) and they are not already looking at it.
// Only what arrives while the app is open interrupts: what came while it was closed is in the
// "while you were away" digest, not a burst of notifications.
import { useEffect, useRef } from 'react';
import type { Notice, OutboxEntry, PostView, SpaceView } from '@hearth/core';
import { getBridge } from '../platform/bridge.js';
import { mayInterrupt, minuteOfDay, type Happening } from '../notify/notice-rules.js';
import { noticeRoute } from '../notify/notice-route.js';
import { titleWithCount } from '../notify/unread.js';
import { APP_NAME } from '../app-name.js';
import { useInbox, useOutbox } from './use-data.js';
import { useNotificationSettings } from './use-notification-settings.js';
import { href, useRoute, type Route } from './use-route.js';
import { useServices } from './services-context.js';

/** Notices older than the app's start by more than this are history (a replayed sync), not news. */
const FRESH_MS = 60_000;

function happeningOf(n: Notice): Happening {
  return { kind: n.kind, space: n.space, conversation: n.conversation ?? null };
}

/** True when the person is looking at the very place the notification would open. */
function lookingAt(current: Route, target: Route | null): boolean {
  if (target === null || typeof document === 'undefined' || document.visibilityState !== 'visible' || !document.hasFocus()) return false;
  if (target.name === 'conversation') return current.name === 'conversation' && current.conversation === target.conversation;
  if (target.name === 'post') return current.name === 'post' && current.post === target.post;
  return false;
}

export function useNotifications(total: number, spaces: ReadonlyMap<string, SpaceView>): void {
  const { me } = useServices();
  const inbox = useInbox();
  const outbox = useOutbox();
  const route = useRoute();
  const { settings } = useNotificationSettings();
  const [openedAt] = useStateOnce(() => Date.now());
  const seen = useRef(new Set<string>());
  const latest = useRef({ route, settings, outbox });
  latest.current = { route, settings, outbox };

  useEffect(() => {
    void getBridge().setBadge(total);
    if (typeof document !== 'undefined') document.title = titleWithCount(APP_NAME, total);
  }, [total]);

  const raise = (id: string, happening: Happening, createdAt: number, body: string, target: Route | null) => {
    if (seen.current.has(id)) return;
    seen.current.add(id);
    const { route: current, settings: now } = latest.current;
    if (createdAt < openedAt - FRESH_MS) return;
    if (!mayInterrupt(happening, now, minuteOfDay(new Date())) || lookingAt(current, target)) return;
    void getBridge().notify({ title: APP_NAME, body, ...(target !== null ? { route: href(target) } : {}) });
  };

  useEffect(() => {
    const own = (id: string) => latest.current.outbox.find((e: OutboxEntry) => e.id === id);
    for (const n of inbox.notices) raise(n.id, happeningOf(n), n.createdAt, n.message, noticeRoute(n, own));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `raise` reads the latest settings and route
  }, [inbox]);

  useEffect(() => {
    for (const [space, view] of spaces) {
      for (const post of view.posts) {
        if (post.authorId === me || post.pending !== undefined) continue;
        const kind = post.mustRead === true ? 'must-read' : 'post';
        raise(`post:${post.id}`, { kind, space, conversation: null }, post.createdAt, postLine(post, view), { name: 'post', space, post: post.id });
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  }, [spaces, me]);
}

function postLine(post: PostView, view: SpaceView): string {
  const where = view.meta?.name ?? post.space;
  return `${post.mustRead === true ? 'Must read — ' : ''}${where}: ${post.title || post.body.slice(0, 120)}`;
}

function useStateOnce<T>(make: () => T): [T] {
  const ref = useRef<{ value: T } | null>(null);
  ref.current ??= { value: make() };
  return [ref.current.value];
}
