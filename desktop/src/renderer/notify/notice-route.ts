// Where a notice's "Open" (and an OS notification's click) takes the person: the item itself — the
// comment inside its thread, the message inside its conversation, the post — never just the space.
// Pure: from the notice's fields (`post`, `conversation`), and for notices about the person's own
// entries, from their outbox.
import type { Notice, OutboxEntry } from '@hearth/core';
import type { Route } from '../hooks/use-route.js';

export function noticeRoute(notice: Notice, own: (entryId: string) => OutboxEntry | undefined): Route | null {
  const id = notice.entryId;
  const e = id !== null ? own(id) : undefined;
  if (e?.type === 'post') return { name: 'post', space: e.space, post: e.id };
  if (e?.type === 'comment') return { name: 'post', space: e.space, post: e.post, item: e.id };
  if (e?.type === 'message') return { name: 'conversation', conversation: e.conversation, item: e.id };
  if (notice.conversation !== undefined) return id !== null ? { name: 'conversation', conversation: notice.conversation, item: id } : { name: 'conversation', conversation: notice.conversation };
  if (id !== null && notice.space !== null) {
    // A comment (or a reaction to one) names its post; a notice without `post` is about a post itself.
    if (notice.post !== undefined) return notice.post === id ? { name: 'post', space: notice.space, post: id } : { name: 'post', space: notice.space, post: notice.post, item: id };
    if (notice.kind === 'mention' || notice.kind === 'reaction') return { name: 'post', space: notice.space, post: id };
  }
  return notice.space !== null ? { name: 'space', space: notice.space } : null;
}
