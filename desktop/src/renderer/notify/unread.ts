// Unread counts, from local data: a message or post by someone else, not marked read on this
// device, and not older than the device's read horizon (the first time the person used the app
// here, so a new device does not open on thousands of "unread" items). Pure.
import type { ConversationView, SpaceView } from '@hearth/core';

export interface UnreadContext {
  me: string;
  /** Items created before this are read (the read horizon). */
  since: number;
  isRead: (id: string) => boolean;
}

const unread = (item: { id: string; authorId: string; createdAt: number }, u: UnreadContext) =>
  item.authorId !== u.me && item.createdAt >= u.since && !u.isRead(item.id);

export function unreadMessages(conversation: ConversationView, u: UnreadContext): number {
  return conversation.messages.filter((m) => m.state === 'published' && m.pending === undefined && unread(m, u)).length;
}

export function unreadPosts(space: SpaceView, u: UnreadContext): number {
  return space.posts.filter((p) => p.pending === undefined && unread(p, u)).length;
}

/** The number in the window title and on the dock / taskbar badge. */
export function titleWithCount(base: string, total: number): string {
  return total > 0 ? `(${total > 999 ? '999+' : total}) ${base}` : base;
}
