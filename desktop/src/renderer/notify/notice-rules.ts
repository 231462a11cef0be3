// Which events may interrupt the person (an OS notification in Electron, a Web Notification in the
// browser): the person's settings (core's notification-settings: per-space level, muted
// conversations, quiet hours) applied to one event. Pure, so the rules are tested without a DOM.
// The inbox shows every notice whatever these say: settings decide interruptions, never content.
import { inQuietHours, spaceNotifyLevel, type NoticeKind, type NotificationSettings } from '@hearth/core';

/**
 * How each notice kind interrupts. Exhaustive on purpose: a new notice kind in core does not build
 * until it is classified here.
 * - about-me: the person's own items and the moderators' words about them (any space level)
 * - addressed: said to the person (mention, reply); silenced only by a space at `none`
 * - message: a direct message; silenced by muting the conversation
 * - activity: only where the person asked for everything (`all`)
 * - quiet: never interrupts (the inbox is enough)
 */
export const NOTICE_INTERRUPTS: Record<NoticeKind, 'about-me' | 'addressed' | 'message' | 'activity' | 'quiet'> = {
  held: 'about-me',
  flagged: 'quiet',
  rejected: 'about-me',
  'published-after-review': 'about-me',
  hidden: 'about-me',
  warning: 'about-me',
  'waiting-acknowledgement': 'quiet',
  reply: 'addressed',
  mention: 'addressed',
  reaction: 'activity',
  // A colleague's thanks: said to the person, like a mention.
  kudos: 'addressed',
  // Someone accepted the person's comment as the answer: about their own item.
  'answer-accepted': 'about-me',
  // A must-read announcement already interrupts when the app sees it in its space (the 'must-read'
  // happening, see mayInterrupt); its inbox notice is for the inbox only, so nobody is told twice.
  'must-read-notice': 'quiet',
  message: 'message',
  'join-request': 'about-me',
  'join-approved': 'about-me',
  'join-declined': 'about-me',
  'membership-removed': 'about-me',
  'report-not-opened': 'quiet',
  escalated: 'about-me',
};

/**
 * Something that happened: an inbox notice, or a new post or comment seen in a space. A must-read
 * announcement is seen in its space and interrupts like a mention (its reader's inbox notice,
 * `must-read-notice`, is quiet: it would interrupt a second time).
 */
export interface Happening {
  kind: NoticeKind | 'post' | 'comment' | 'must-read';
  space: string | null;
  conversation: string | null;
}

/** Minutes since local midnight of `at` (quiet hours are the person's wall clock). */
export function minuteOfDay(at: Date): number {
  return at.getHours() * 60 + at.getMinutes();
}

export function mayInterrupt(event: Happening, settings: NotificationSettings, minute: number): boolean {
  if (inQuietHours(settings.quietHours, minute)) return false;
  const how = event.kind === 'post' || event.kind === 'comment' ? 'activity' : event.kind === 'must-read' ? 'addressed' : NOTICE_INTERRUPTS[event.kind];
  switch (how) {
    case 'quiet':
      return false;
    case 'about-me':
      return true;
    case 'message':
      return event.conversation === null || !settings.muted.includes(event.conversation);
    case 'addressed':
      return event.space === null || spaceNotifyLevel(settings, event.space) !== 'none';
    case 'activity':
      return event.space !== null && spaceNotifyLevel(settings, event.space) === 'all';
  }
}
