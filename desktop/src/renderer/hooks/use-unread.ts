// Unread counts for the navigation, the lists, the window title and the dock / taskbar badge,
// computed once in the frame (notify/unread.ts) and shared with the screens through a context.
import { createContext, useContext, useMemo, useState } from 'react';
import { spaceNotifyLevel, type ConversationView, type SpaceView } from '@hearth/core';
import { readHorizon } from '../notify/last-seen.js';
import { unreadMessages, unreadPosts } from '../notify/unread.js';
import { useServices } from './services-context.js';
import { useInbox } from './use-data.js';
import { useNotificationSettings } from './use-notification-settings.js';
import { useReadState } from './use-read-state.js';

export interface UnreadCounts {
  bySpace: ReadonlyMap<string, number>;
  byConversation: ReadonlyMap<string, number>;
  /** Unread posts in followed spaces (a space set to "none" still shows its count, but not in the total). */
  spaces: number;
  messages: number;
  /** Inbox notices not yet seen that are addressed to the person (messages are counted under messages). */
  inbox: number;
  /** What the window title and the badge show. */
  total: number;
}

const EMPTY: UnreadCounts = { bySpace: new Map(), byConversation: new Map(), spaces: 0, messages: 0, inbox: 0, total: 0 };
export const UnreadContext = createContext<UnreadCounts>(EMPTY);

export function useUnreadCounts(): UnreadCounts {
  return useContext(UnreadContext);
}

/** Inbox notices that count as unread until the inbox is opened. */
const INBOX_COUNTED = new Set(['held', 'rejected', 'mention', 'reply', 'reaction', 'hidden', 'warning', 'escalated', 'answer-accepted']);

/** `spaces`: the followed spaces' views (the frame reads them once for counts and notifications). */
export function useComputeUnread(spaces: ReadonlyMap<string, SpaceView>, conversations: readonly ConversationView[]): UnreadCounts {
  const { me } = useServices();
  const [since] = useState(() => readHorizon(me, Date.now()));
  const { isRead } = useReadState();
  const inbox = useInbox();
  const { settings } = useNotificationSettings();
  return useMemo(() => {
    const u = { me, since, isRead };
    const byConversation = new Map(conversations.map((c) => [c.id, unreadMessages(c, u)] as const));
    const bySpace = new Map([...spaces].map(([id, view]) => [id, unreadPosts(view, u)] as const));
    const messages = [...byConversation].reduce((sum, [id, n]) => sum + (settings.muted.includes(id) ? 0 : n), 0);
    const spacesCount = [...bySpace.values()].reduce((a, b) => a + b, 0);
    const loudSpaces = [...bySpace].reduce((sum, [id, n]) => sum + (spaceNotifyLevel(settings, id) === 'none' ? 0 : n), 0);
    const inboxCount = inbox.notices.filter((n) => INBOX_COUNTED.has(n.kind) && !isRead(n.id) && n.createdAt >= since).length;
    return { bySpace, byConversation, spaces: spacesCount, messages, inbox: inboxCount, total: messages + loudSpaces + inboxCount };
  }, [me, since, isRead, conversations, spaces, settings, inbox]);
}
