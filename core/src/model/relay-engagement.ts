// The relay's writes for answered questions and must-read reach. Why their own maps and not fields
// of the published post: a post is rewritten whole at each new version (relay-publish.ts), which
// would drop an acceptance written into it; and the question's author is not the only one who may
// accept (a facilitator may), so the acceptance is not the post author's content. Reach goes to
// inboxes, not to the space: only the author and the communications team see it, as counts.
import type * as Y from 'yjs';
import type { DirectoryRecord } from '../identity/types.js';
import { INBOX_REACH, META, SPACE_ANSWERS, SPACE_MEMBERS } from './doc-layout.js';
import { acceptedAnswerSchema, parseOrNull, spaceMetaSchema } from './published-schemas.js';
import type { AcceptedAnswer, EntryId, Notice, PersonId, Reach, SpaceId, Timestamp } from './types.js';

export type AnswerWrite = 'accepted' | 'cleared' | 'unchanged';

/**
 * Carries out an accept-answer entry (already validated) in a space document. The latest
 * acceptance of a question wins (relay time `at`, then entry id, so a replay of an older entry
 * never overrides a newer one); `comment: null` or a retraction clears it — a retraction only when
 * this entry is the one that holds it.
 */
export function applyAcceptAnswer(
  space: Y.Doc,
  p: { entry: EntryId; post: EntryId; comment: EntryId | null; by: PersonId; at: Timestamp; retracted: boolean },
): AnswerWrite {
  const answers = space.getMap<unknown>(SPACE_ANSWERS);
  const current = parseOrNull(acceptedAnswerSchema, answers.get(p.post));
  if (p.retracted) {
    if (current === null || current.entry !== p.entry) return 'unchanged';
    space.transact(() => answers.delete(p.post));
    return 'cleared';
  }
  if (current !== null && current.entry !== p.entry && (current.at > p.at || (current.at === p.at && current.entry > p.entry))) return 'unchanged';
  if (p.comment === null) {
    if (current === null) return 'unchanged';
    space.transact(() => answers.delete(p.post));
    return 'cleared';
  }
  if (current !== null && current.entry === p.entry && current.comment === p.comment) return 'unchanged';
  const value: AcceptedAnswer = { post: p.post, comment: p.comment, by: p.by, entry: p.entry, at: p.at };
  space.transact(() => answers.set(p.post, value));
  return 'accepted';
}

/**
 * The notice to the author of a comment just accepted as a question's answer, or null when there is
 * nobody to tell: the person accepted their own comment. Keyed by the acceptance entry and the
 * comment, so a replay adds nothing, and an acceptance edited to another comment tells that
 * comment's author. Only an acceptance calls this (`applyAcceptAnswer` said `accepted`): a
 * withdrawal or `comment: null` tells nobody.
 */
export function answerAcceptedNotice(p: {
  entry: EntryId;
  space: SpaceId;
  post: EntryId;
  comment: EntryId;
  commentAuthor: PersonId;
  by: PersonId;
  byName: string;
  at: Timestamp;
}): Notice | null {
  if (p.commentAuthor === p.by) return null;
  return {
    id: `${p.entry}:answer-accepted:${p.comment}`,
    kind: 'answer-accepted',
    createdAt: p.at,
    message: `${p.byName} accepted your comment as the answer.`,
    entryId: p.comment,
    space: p.space,
    about: p.by,
    findings: [],
    post: p.post,
  };
}

/** The id of the must-read notice for a post: one per announcement and person, so a replay adds nothing. */
export const mustReadNoticeId = (post: EntryId): string => `${post}:must-read`;

/**
 * The notice asking a reader of a space to read a must-read announcement. Keyed by the post alone:
 * an edit or a replay of the announcement writes the same id, which addNotice leaves as it is.
 */
export function mustReadNotice(p: { space: SpaceId; post: EntryId; title: string; author: PersonId; at: Timestamp }): Notice {
  return {
    id: mustReadNoticeId(p.post),
    kind: 'must-read-notice',
    createdAt: p.at,
    message: p.title,
    entryId: p.post,
    space: p.space,
    about: p.author,
    findings: [],
    post: p.post,
  };
}

/** question id → accepted comment id, as the relay recorded them (visibility is the view's business). */
export function readAcceptedAnswers(space: Y.Doc): Map<EntryId, AcceptedAnswer> {
  const out = new Map<EntryId, AcceptedAnswer>();
  for (const [key, value] of space.getMap<unknown>(SPACE_ANSWERS).entries()) {
    const a = parseOrNull(acceptedAnswerSchema, value);
    if (a !== null && a.post === key) out.set(key, a);
  }
  return out;
}

/** Writes the reach of a must-read announcement into one inbox (its author's or a comms person's). */
export function setReach(inbox: Y.Doc, reach: Reach): void {
  const map = inbox.getMap<unknown>(INBOX_REACH);
  const old = map.get(reach.post) as Partial<Reach> | undefined;
  if (old && old.acknowledged === reach.acknowledged && old.audience === reach.audience && old.title === reach.title) return;
  inbox.transact(() => map.set(reach.post, reach));
}

/**
 * Who a must-read announcement in this space asks to acknowledge it: every active person who may
 * read the space (public: the directory; private or secret: its members and facilitators), its
 * author left out. Reads the space's meta and members only — never its items, which may be many.
 */
export function mustReadAudience(space: Y.Doc, people: Iterable<DirectoryRecord>, author: PersonId): Set<PersonId> {
  const meta = parseOrNull(spaceMetaSchema, Object.fromEntries(space.getMap<unknown>(META).entries()));
  const active = new Set<PersonId>();
  for (const p of people) if (p.status === 'active' && p.id !== author) active.add(p.id);
  if (meta === null) return new Set();
  if (meta.visibility === 'public') return active;
  const readers = [...meta.facilitators, ...[...space.getMap<unknown>(SPACE_MEMBERS).entries()].filter(([, v]) => v === true).map(([k]) => k)];
  return new Set(readers.filter((p) => active.has(p)));
}
