// Presence: what one person's awareness state (y-protocols awareness, the one multi-writer channel)
// may say about them in a room. Why a closed list of fields: awareness is relayed to everyone in the
// room, so a free-form state is a way to show others anything at all — a state could claim the name
// "Seema (Moderator)". Names come from the directory only; a state says *who* (the person id, which
// the relay checks is the connection's own) and *where* (what they view, type in, select), nothing
// else. The relay keeps exactly what `sanitizePresence` returns; every other field is dropped.
// Each field is small and bounded, so a state's size is bounded by construction.
import { z } from 'zod';
import { ID_PATTERN } from './room-names.js';

/** An item of the room (a post, comment, message, case): the same id syntax as entries. */
const itemId = z.string().regex(ID_PATTERN);
/** A caret offset in a text field. */
const offset = z.number().int().min(0).max(1_000_000);

const FIELDS = {
  /** The item the person is looking at. */
  viewing: itemId,
  /** The item they are writing a reply or comment to; null when they stopped. */
  typing: itemId.nullable(),
  /** Caret (anchor = head) or selection in one text field of one item. */
  cursor: z.object({ item: itemId, field: z.enum(['title', 'body', 'comment', 'message']), anchor: offset, head: offset }),
} as const;

export interface PresenceState {
  /** Who: the person id only (the relay checks it is the connection's own). */
  user: { id: string };
  viewing?: string;
  typing?: string | null;
  cursor?: { item: string; field: 'title' | 'body' | 'comment' | 'message'; anchor: number; head: number };
}

/** The presence fields a state may carry besides `user`. */
export type PresenceFields = Omit<PresenceState, 'user'>;

export const PRESENCE_FIELDS = ['user', ...Object.keys(FIELDS)] as readonly string[];

/**
 * The allowed part of an awareness state: `{ user: { id } }` plus each known field that is valid;
 * unknown fields, extra properties of `user` (a name, a colour) and invalid values are dropped.
 * null when the state names no person.
 */
export function sanitizePresence(raw: unknown): PresenceState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const state = raw as Record<string, unknown>;
  const user = state.user as { id?: unknown } | null | undefined;
  if (typeof user !== 'object' || user === null || typeof user.id !== 'string' || !ID_PATTERN.test(user.id)) return null;
  const kept: PresenceState = { user: { id: user.id } };
  for (const [name, schema] of Object.entries(FIELDS)) {
    if (!(name in state)) continue;
    const parsed = schema.safeParse(state[name]);
    if (parsed.success) (kept as unknown as Record<string, unknown>)[name] = parsed.data;
  }
  return kept;
}

/** The state a client sets: `awareness.setLocalState(presenceState(me, { viewing: postId }))`. */
export function presenceState(personId: string, fields: PresenceFields = {}): PresenceState {
  return { user: { id: personId }, ...fields };
}
