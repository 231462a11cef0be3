// Which inbox notices still need the person, derived from where their entries stand now rather
// than from the kind of notice. Why: the relay's notices are a log ("held", then later "published
// after review"), so sorting by kind keeps a hold that a moderator approved under "Needs your
// attention" forever. Pure, so the rules are tested without rendering.
import { editCanFix, type InboxView, type Notice } from '@hearth/core';

/** What the screen knows about one of the person's own entries (from their outbox). */
export interface OwnEntry {
  /** The app can open it in a composer to change and send again (posts, comments, messages). */
  editable: boolean;
  retracted: boolean;
}

export type EntryLookup = (entryId: string) => OwnEntry | undefined;

/** Notices whose state is the entry's state: only the newest of them for an entry can still stand. */
const STATE_KINDS = new Set<Notice['kind']>(['held', 'rejected', 'waiting-acknowledgement']);
/** Notices about an entry's fate; a newer one of these supersedes a 'hidden' notice. */
const FATE_KINDS = new Set<Notice['kind']>(['held', 'rejected', 'waiting-acknowledgement', 'hidden', 'published-after-review']);
/**
 * Words from the moderators: they stand until the person dismisses them. A must-read notice stands
 * until the person acknowledges the announcement (the relay then removes it).
 */
const STANDING_KINDS = new Set<Notice['kind']>(['warning', 'escalated', 'must-read-notice']);

/** Newer first, as in the inbox; ties by id so the result does not depend on the order given. */
const newer = (a: Notice, b: Notice): boolean => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/**
 * True when the notice asks something of the person now:
 * - held / rejected / waiting for the acknowledgement: the entry is still in exactly that state, this
 *   is the newest such notice about it, and it was not withdrawn;
 * - hidden: nothing newer happened to the entry (restored, approved, edited and published again);
 * - a warning or an escalation: always (until dismissed).
 */
export function needsAttention(notice: Notice, inbox: Pick<InboxView, 'notices' | 'statuses'>, entryOf: EntryLookup): boolean {
  if (STANDING_KINDS.has(notice.kind)) return true;
  if (!FATE_KINDS.has(notice.kind) || notice.kind === 'published-after-review') return false;
  const id = notice.entryId;
  if (id === null) return true;
  if (entryOf(id)?.retracted === true) return false;
  const later = inbox.notices.some((n) => n.entryId === id && n.id !== notice.id && FATE_KINDS.has(n.kind) && newer(n, notice));
  if (later) return false;
  const status = inbox.statuses[id];
  if (notice.kind === 'hidden') return !(status !== undefined && status.state === 'published' && status.updatedAt > notice.createdAt);
  if (STATE_KINDS.has(notice.kind)) return status === undefined || status.state === notice.kind;
  return false;
}

/** "Change it and send it again" is offered only where the app can open it and an edit can clear what stopped it. */
export function mayResubmit(notice: Notice, entryOf: EntryLookup): boolean {
  if ((notice.kind !== 'held' && notice.kind !== 'rejected') || notice.entryId === null) return false;
  const entry = entryOf(notice.entryId);
  return entry !== undefined && entry.editable && !entry.retracted && editCanFix(notice.findings);
}
