// Reaction notices, batched: everyone who reacts to one item within the same hour shares one notice
// ("Ana and 3 others reacted"), so a popular post does not bury the inbox under one line per 👍.
// Why a rewrite, when other notices are written once: a batch grows while it is open. Its id is
// derived from the item and the hour, so replays land on the same notice, and a person already in
// it changes nothing — the write stays idempotent.
import type * as Y from 'yjs';
import { INBOX_NOTICES } from './doc-layout.js';
import { noticeSchema, parseOrNull } from './published-schemas.js';
import type { WriteOutcome } from './relay-space-writes.js';
import type { EntryId, Notice, PersonId, SpaceId, Timestamp } from './types.js';

/** How long one batch of reactions to an item stays open. */
export const REACTION_BATCH_MS = 60 * 60 * 1000;
/** The most people one batch names; later reactors in the same hour are not listed (the count is enough). */
export const REACTION_BATCH_PEOPLE = 50;

export interface ReactionNoticeInput {
  /** The post or comment reacted to (one of the inbox owner's). */
  target: EntryId;
  /** The post that holds it (the target itself for a post). */
  post: EntryId;
  space: SpaceId;
  reactor: PersonId;
  /** Display names from the directory (the message names the first reactor). */
  nameOf: (person: PersonId) => string;
  at: Timestamp;
}

export function reactionNoticeId(target: EntryId, at: Timestamp): string {
  return `${target}:reactions:${Math.floor(at / REACTION_BATCH_MS)}`;
}

/** Relay only. Starts the hour's batch for the item or adds the reactor to it. */
export function addReactionToNotice(inbox: Y.Doc, input: ReactionNoticeInput): WriteOutcome {
  const notices = inbox.getMap<unknown>(INBOX_NOTICES);
  const id = reactionNoticeId(input.target, input.at);
  const stored = parseOrNull(noticeSchema, notices.get(id));
  const people = stored?.people ?? [];
  if (people.includes(input.reactor) || people.length >= REACTION_BATCH_PEOPLE) return 'unchanged';
  const everyone = [...people, input.reactor];
  const others = everyone.length - 1;
  const notice: Notice = {
    id,
    kind: 'reaction',
    createdAt: stored?.createdAt ?? input.at,
    message: `${input.nameOf(everyone[0]!)}${others === 0 ? '' : ` and ${others} other${others === 1 ? '' : 's'}`} reacted to your item.`,
    entryId: input.target,
    space: input.space,
    about: everyone[0]!,
    findings: [],
    post: input.post,
    people: everyone,
  };
  inbox.transact(() => notices.set(id, notice));
  return 'applied';
}
