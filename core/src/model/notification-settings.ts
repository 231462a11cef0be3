// A person's notification settings: how much each space may interrupt them (all / mentions only /
// none), the conversations they muted, and their quiet hours. Why in the outbox document: it is the
// one document a person writes, from every device, so a setting made on the laptop holds on the
// desktop too; the relay never reads it (it writes every notice into the inbox regardless; the app
// decides whether to interrupt). Why one Y.Map key per space and conversation: two devices that
// change different spaces offline both keep their change; the same key merges last-writer-wins.
import type * as Y from 'yjs';
import { z } from 'zod';
import { OUTBOX_SETTINGS } from './doc-layout.js';
import { isValidId } from './room-names.js';
import type { ConversationId, SpaceId } from './types.js';

export const SPACE_NOTIFY_LEVELS = ['all', 'mentions', 'none'] as const;
/** all: new posts and reactions too; mentions: what is addressed to the person (mentions, replies, must-reads); none: nothing. */
export type SpaceNotifyLevel = (typeof SPACE_NOTIFY_LEVELS)[number];
/** Spaces nobody chose a level for. */
export const DEFAULT_SPACE_NOTIFY_LEVEL: SpaceNotifyLevel = 'mentions';

/** Local wall-clock times 'HH:MM'; the span may cross midnight (22:00 → 07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

export interface NotificationSettings {
  spaces: Record<SpaceId, SpaceNotifyLevel>;
  muted: ConversationId[];
  quietHours: QuietHours | null;
}

const SPACE_KEY = 'notify.space:';
const MUTE_KEY = 'notify.mute:';
const QUIET_KEY = 'notify.quietHours';
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const quietSchema = z.object({ start: clock, end: clock }).nullable();

function settingsMap(outbox: Y.Doc): Y.Map<unknown> {
  return outbox.getMap<unknown>(OUTBOX_SETTINGS);
}

export class SettingsWriteError extends Error {
  override name = 'SettingsWriteError';
}

export function setSpaceNotifyLevel(outbox: Y.Doc, space: SpaceId, level: SpaceNotifyLevel): void {
  if (!isValidId(space) || !SPACE_NOTIFY_LEVELS.includes(level)) throw new SettingsWriteError(`not a space level: ${space} ${level}`);
  settingsMap(outbox).set(SPACE_KEY + space, level);
}

export function setConversationMuted(outbox: Y.Doc, conversation: ConversationId, muted: boolean): void {
  if (!isValidId(conversation)) throw new SettingsWriteError(`not a conversation id: ${conversation}`);
  settingsMap(outbox).set(MUTE_KEY + conversation, muted);
}

export function setQuietHours(outbox: Y.Doc, quiet: QuietHours | null): void {
  if (!quietSchema.safeParse(quiet).success) throw new SettingsWriteError('quiet hours are two times HH:MM');
  settingsMap(outbox).set(QUIET_KEY, quiet === null ? null : { start: quiet.start, end: quiet.end });
}

/** The settings as stored; anything unreadable counts as not set. */
export function readNotificationSettings(outbox: Y.Doc): NotificationSettings {
  const out: NotificationSettings = { spaces: {}, muted: [], quietHours: null };
  for (const [key, value] of settingsMap(outbox).entries()) {
    if (key.startsWith(SPACE_KEY)) {
      const space = key.slice(SPACE_KEY.length);
      if (isValidId(space) && typeof value === 'string' && (SPACE_NOTIFY_LEVELS as readonly string[]).includes(value)) out.spaces[space] = value as SpaceNotifyLevel;
    } else if (key.startsWith(MUTE_KEY)) {
      const conversation = key.slice(MUTE_KEY.length);
      if (isValidId(conversation) && value === true) out.muted.push(conversation);
    } else if (key === QUIET_KEY) {
      const parsed = quietSchema.safeParse(value);
      if (parsed.success) out.quietHours = parsed.data;
    }
  }
  out.muted.sort();
  return out;
}

export function spaceNotifyLevel(settings: NotificationSettings, space: SpaceId): SpaceNotifyLevel {
  return settings.spaces[space] ?? DEFAULT_SPACE_NOTIFY_LEVEL;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when the local time `at` (minutes since local midnight) falls in the quiet hours. */
export function inQuietHours(quiet: QuietHours | null, minuteOfDay: number): boolean {
  if (quiet === null) return false;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}
