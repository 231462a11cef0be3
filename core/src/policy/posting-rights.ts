// Who may write where: the space-access and posting rules of entry validation, on their own so the
// composer can ask them before anything is written. Why a separate module and not a copy in the
// app: validateEntry (the relay's check before publication) calls these very functions for every
// post, comment, reaction and report, so what the composer offers and what the relay accepts cannot
// drift apart. An employee in a news space sees no composer and is told why, instead of learning it
// from a refusal after publishing.
import { POST_KINDS } from '../model/types.js';
import type { PersonId, PostKind, SpaceId, SpaceMeta } from '../model/types.js';
import type { DirectoryRecord } from '../identity/types.js';
import type { EntryProblem } from './validate-entry.js';

/** A space as the relay sees it when judging an entry: its catalogue entry and, for private and secret spaces, its members. */
export interface PostingPlace {
  id: SpaceId;
  /** The spaces-catalogue entry; null when there is no such space (or it is not on this device yet). */
  meta: SpaceMeta | null;
  /** Members of a private or secret space (its space document); ignored for public spaces. */
  members: readonly PersonId[];
}

/** The outbox owner is not in the directory. */
export function unknownAuthor(): EntryProblem[] {
  return [{ code: 'unknown-author', message: 'You are not in the company directory.' }];
}

/** Only active people publish; null when all is well. (validateEntry lets anyone withdraw their own entries.) */
export function checkAuthorActive(author: DirectoryRecord): EntryProblem[] | null {
  return author.status === 'active' ? null : [{ code: 'inactive-author', message: 'Your account is not active, so you cannot publish.' }];
}

/** The space exists and the author can write there (members only in private spaces); null when all is well. */
export function checkSpaceAccess(author: PersonId, place: PostingPlace): EntryProblem[] | null {
  const meta = place.meta;
  // A secret space the author is not in reads exactly like one that does not exist.
  const hidden = meta !== null && meta.visibility === 'secret' && !place.members.includes(author);
  if (meta === null || meta.id !== place.id || hidden) {
    return [{ code: 'unknown-space', message: 'This space does not exist or you cannot see it.', field: 'space' }];
  }
  if (meta.visibility === 'private' && !place.members.includes(author)) {
    return [{ code: 'not-a-member', message: `Only members of ${meta.name} can write there. You can ask to join.`, field: 'space' }];
  }
  return null;
}

/**
 * News spaces are the communications team's (and the people it names as the space's facilitators);
 * announcements are made by comms or the space's facilitators; an "ask me anything" by a leader.
 * Assumes checkSpaceAccess passed.
 */
export function checkPostKind(author: DirectoryRecord, meta: SpaceMeta, kind: PostKind): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const comms = author.roles.includes('comms');
  const named = meta.facilitators.includes(author.id);
  if (meta.kind === 'news' && !comms && !named) {
    problems.push({ code: 'news-comms-only', message: `Only the communications team posts in ${meta.name}. You can comment on its posts.`, field: 'space' });
  }
  if (kind === 'announcement' && !comms && !meta.facilitators.includes(author.id)) {
    problems.push({ code: 'announcement-not-allowed', message: `Announcements in ${meta.name} are made by its facilitators or the communications team. Post it as a discussion instead.`, field: 'kind' });
  }
  if (kind === 'ama' && !author.roles.includes('leader')) {
    problems.push({ code: 'ama-leaders-only', message: 'An "ask me anything" is opened by a company leader. Post a question instead.', field: 'kind' });
  }
  return problems;
}

/** Why this person may not post a `kind` here: exactly what validateEntry finds with a new post entry ([] when they may). */
export function postingProblems(author: DirectoryRecord | null, place: PostingPlace, kind: PostKind): EntryProblem[] {
  if (author === null) return unknownAuthor();
  return checkAuthorActive(author) ?? checkSpaceAccess(author.id, place) ?? checkPostKind(author, place.meta as SpaceMeta, kind);
}

export function mayPost(author: DirectoryRecord | null, place: PostingPlace, kind: PostKind): boolean {
  return postingProblems(author, place, kind).length === 0;
}

export interface PostingRights {
  /** The kinds this person may post here, in POST_KINDS order; empty when they may not post at all. */
  kinds: PostKind[];
  /** When `kinds` is empty: why, in plain words (the problems of the least restricted kind). */
  problems: EntryProblem[];
}

/** What a composer in this space should offer this person. */
export function postingRights(author: DirectoryRecord | null, place: PostingPlace): PostingRights {
  const byKind = POST_KINDS.map((kind) => ({ kind, problems: postingProblems(author, place, kind) }));
  const kinds = byKind.filter((k) => k.problems.length === 0).map((k) => k.kind);
  if (kinds.length > 0) return { kinds, problems: [] };
  const fewest = byKind.reduce((a, b) => (b.problems.length < a.problems.length ? b : a));
  return { kinds, problems: fewest.problems };
}
