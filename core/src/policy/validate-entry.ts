// Validation of an outbox entry before the relay publishes it: is it well formed, within the
// limits, and allowed for this author in this place? Why a pure function over a context: the relay
// reads the answers from its own documents (directory, spaces catalogue, space and dm documents) and
// the app can ask the same question of a draft offline, so both ends give the same verdict. The
// entry comes from an outbox a client wrote, which may be hostile, so its shape is checked first and
// nothing else is trusted. The behaviour policy (language, confidential terms...) is evaluate()'s
// job, not this one's. The verdict is data: every problem with a code and plain words for the author.
import { z } from 'zod';
import { checkEntryLimits } from '../model/entry-limits.js';
import { ID_PATTERN } from '../model/room-names.js';
import { engagementEntrySchemas } from '../model/engagement-schemas.js';
import { JOIN_DECISIONS, LIMITS, POST_KINDS, REACTIONS } from '../model/types.js';
import type {
  ConversationId,
  EntryId,
  EntryType,
  ItemState,
  JoinRequestState,
  OutboxEntry,
  PersonId,
  PostKind,
  Reaction,
  SpaceId,
  SpaceMeta,
} from '../model/types.js';
import { displayName } from '../identity/display-name.js';
import type { DirectoryRecord } from '../identity/types.js';
import { checkEngagementContent, checkEngagementPermission, engagementPlace, isEngagementEntry, type EngagementContext, type RecognitionProblemCode } from './validate-engagement.js';
import { checkAuthorActive, checkPostKind, checkSpaceAccess as checkAccess, unknownAuthor } from './posting-rights.js';
import { checkAcceptAnswer, checkMustRead, checkReadAck, type EngagementProblemCode } from './engagement-rules.js';
import { checkModuleDone, type CourseProblemCode } from './course-rules.js';

/** What the relay knows around one entry. Every field is read from a document the relay writes. */
export interface EntryContext {
  /** The outbox owner's directory record: the author. null when the person is not in the directory. */
  author: DirectoryRecord | null;
  /** The spaces-catalogue entry for the entry's `space` (posts, comments, reactions, joins, reports on space items); null when there is no such space. Ignored for acks and messages. */
  space: SpaceMeta | null;
  /** Members of that space when it is private or secret (its space document); ignored for public spaces. */
  members: readonly PersonId[];
  /** The post the entry refers to — a comment's `post`, or a reaction's or report's `target` when that is a post — as published in the space document; null when it is not there. */
  targetPost: { id: EntryId; space: SpaceId; authorId: PersonId; state: ItemState; kind?: PostKind; mustRead?: boolean } | null;
  /** The comment the entry refers to — a comment's `replyTo`, or a reaction's or report's `target` when that is a comment — from the same space document; null when none. */
  targetComment: { id: EntryId; post: EntryId; authorId: PersonId; state: ItemState } | null;
  /** For a report on a direct message: that message, from the dm document named by `conversation`; null otherwise. */
  targetMessage: { id: EntryId; conversation: ConversationId; state: ItemState } | null;
  /** The author's OTHER live (not retracted) reactions on the same target, published or in their outbox, excluding this entry. */
  existingReactions: readonly { id: EntryId; emoji: Reaction }[];
  /** For a message (and a report on one): the conversation's dm document; null when it does not exist yet, i.e. this message starts it. */
  conversation: { id: ConversationId; participants: readonly PersonId[] } | null;
  /** The item already published under this entry's id, in any document: an edit or retraction must be the author's own and stay where it is. null on first publication. */
  previous: { authorId: PersonId; type: EntryType; place: SpaceId | ConversationId | null } | null;
  /** Looks a person up in the directory (message recipients). */
  people: (id: PersonId) => DirectoryRecord | null;
  /**
   * For a join or leave: the author's own membership activity from the relay's records — the spaces
   * where a request of theirs waits, and how many join and leave entries of theirs it recorded in
   * the last 24 hours (this entry left out). Absent for other entries.
   */
  membershipActivity?: { pendingSpaces: readonly SpaceId[]; lastDay: number };
  /** For a join decision: the request it answers, from the relay's records; null when there is none. */
  joinRequest?: { id: EntryId; space: SpaceId; person: PersonId; state: JoinRequestState } | null;
  /**
   * The version of the behaviour policy in force (the relay's policy document), null when there is
   * none: an acknowledgement must name it. The relay always gives it; left out (the composer, which
   * acknowledges what it shows), acknowledgements are not checked against it.
   */
  policyVersion?: number | null;
  /** For recognition entries: the admin's switch and the author's recent kudos (validate-engagement.ts). Left out, those are not checked. */
  engagement?: EngagementContext;
}

export type EntryProblemCode =
  | 'schema'
  | 'title-too-long'
  | 'body-too-long'
  | 'reason-too-long'
  | 'empty-body'
  | 'empty-reason'
  | 'unknown-reaction'
  | 'unknown-author'
  | 'inactive-author'
  | 'not-own-entry'
  | 'moved-entry'
  | 'unknown-space'
  | 'not-a-member'
  | 'news-comms-only'
  | 'announcement-not-allowed'
  | 'post-not-found'
  | 'post-not-published'
  | 'reply-not-found'
  | 'reply-not-published'
  | 'target-not-found'
  | 'target-not-published'
  | 'duplicate-reaction'
  | 'already-member'
  | 'request-pending'
  | 'too-many-requests'
  | 'facilitator-cannot-leave'
  | 'not-a-facilitator'
  | 'request-not-found'
  | 'request-not-pending'
  | 'own-request'
  | 'not-a-participant'
  | 'no-recipients'
  | 'too-many-recipients'
  | 'unknown-recipient'
  | 'inactive-recipient'
  | 'not-current-policy'
  | EngagementProblemCode
  | RecognitionProblemCode
  | CourseProblemCode;

export interface EntryProblem {
  code: EntryProblemCode;
  /** Plain words for the author. */
  message: string;
  /** The entry field the problem is about, when there is one (`title`, `body`, `to`, ...). */
  field?: string;
}

export type EntryValidation = { ok: true; entry: OutboxEntry } | { ok: false; problems: EntryProblem[] };

const id = z.string().regex(ID_PATTERN);
const timestamp = z.number().int().nonnegative();
const base = { id, createdAt: timestamp, editedAt: timestamp.nullable(), retracted: z.boolean() };
// Strings are not capped here: an over-long title is well formed and gets its own, clearer problem.
// Unknown fields (an `authorId`, say) are dropped: the author is always the outbox owner.
const entrySchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('post'), space: id, kind: z.enum(POST_KINDS), title: z.string(), body: z.string(), mustRead: z.boolean().optional() }),
  z.object({ ...base, type: z.literal('comment'), space: id, post: id, replyTo: id.nullable(), body: z.string() }),
  z.object({ ...base, type: z.literal('reaction'), space: id, target: id, emoji: z.string().max(32) }),
  z.object({ ...base, type: z.literal('report'), space: id.nullable(), target: id, reason: z.string() }),
  z.object({ ...base, type: z.literal('ack'), policyVersion: z.number().int().nonnegative() }),
  z.object({ ...base, type: z.literal('message'), conversation: id, to: z.array(id).nullable(), body: z.string() }),
  z.object({ ...base, type: z.literal('join'), space: id }),
  z.object({ ...base, type: z.literal('leave'), space: id }),
  z.object({ ...base, type: z.literal('join-decision'), space: id, request: id, decision: z.enum(JOIN_DECISIONS) }),
  z.object({ ...base, type: z.literal('accept-answer'), space: id, post: id, comment: id.nullable() }),
  z.object({ ...base, type: z.literal('read-ack'), space: id, post: id }),
  ...engagementEntrySchemas(base, id),
  z.object({ ...base, type: z.literal('module-done'), space: id, post: id }),
]);

const LIMIT_MESSAGES = {
  'title-too-long': `The title is longer than ${LIMITS.titleChars} characters.`,
  'body-too-long': `The text is longer than ${LIMITS.bodyChars.toLocaleString('en')} characters.`,
  'reason-too-long': `The reason is longer than ${LIMITS.reportReasonChars.toLocaleString('en')} characters.`,
} as const;

/** Checks one outbox entry snapshot against its schema, the limits and the author's permissions. */
export function validateEntry(input: unknown, context: EntryContext): EntryValidation {
  const parsed = entrySchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      code: 'schema' as const,
      message: `This entry is malformed (${i.path.map(String).join('.') || 'entry'}: ${i.message}).`,
      field: i.path.map(String).join('.') || 'entry',
    }));
    return { ok: false, problems };
  }
  const entry = parsed.data as OutboxEntry;
  const problems = [...checkContent(entry), ...checkPermission(entry, context)];
  return problems.length === 0 ? { ok: true, entry } : { ok: false, problems };
}

/** Limits, empty fields and the reaction set: what the author can fix by editing. */
function checkContent(entry: OutboxEntry): EntryProblem[] {
  if (entry.retracted) return [];
  if (isEngagementEntry(entry)) return checkEngagementContent(entry);
  const problems: EntryProblem[] = [];
  for (const p of checkEntryLimits(entry)) {
    if (p.code in LIMIT_MESSAGES) {
      const code = p.code as keyof typeof LIMIT_MESSAGES;
      problems.push({ code, message: `${LIMIT_MESSAGES[code]} It has ${p.actual.toLocaleString('en')}.`, field: p.field });
    }
  }
  const blank = (s: string) => s.trim() === '';
  // A post may go without a title (a short update), not without any text at all.
  if (entry.type === 'post' && blank(entry.title) && blank(entry.body)) {
    problems.push({ code: 'empty-body', message: 'An empty post cannot be published.', field: 'body' });
  }
  if ((entry.type === 'comment' || entry.type === 'message') && blank(entry.body)) {
    problems.push({ code: 'empty-body', message: `An empty ${entry.type} cannot be sent.`, field: 'body' });
  }
  if (entry.type === 'report' && blank(entry.reason)) {
    problems.push({ code: 'empty-reason', message: 'Say briefly why you are reporting this.', field: 'reason' });
  }
  if (entry.type === 'reaction' && !(REACTIONS as readonly string[]).includes(entry.emoji)) {
    problems.push({ code: 'unknown-reaction', message: `Reactions are one of ${REACTIONS.join(' ')}.`, field: 'emoji' });
  }
  return problems;
}

const placeOf = (entry: OutboxEntry): string | null =>
  isEngagementEntry(entry) ? engagementPlace(entry) : entry.type === 'message' ? entry.conversation : entry.type === 'ack' ? null : entry.space;

/** Who may do what, where. Returns early where later checks would only repeat the first problem. */
function checkPermission(entry: OutboxEntry, ctx: EntryContext): EntryProblem[] {
  const author = ctx.author;
  if (author === null) return unknownAuthor();
  // An entry id that already names someone else's item must not let this author edit or remove it.
  if (ctx.previous !== null) {
    if (ctx.previous.authorId !== author.id) {
      return [{ code: 'not-own-entry', message: 'You can only change or withdraw what you wrote.', field: 'id' }];
    }
    if (ctx.previous.type !== entry.type || ctx.previous.place !== placeOf(entry)) {
      return [{ code: 'moved-entry', message: 'An edit cannot change what kind of entry this is or where it was posted.' }];
    }
  }
  // Withdrawing one's own entry is always allowed, even after leaving a space or the company.
  if (entry.retracted) return [];
  const active = checkAuthorActive(author);
  if (active !== null) return active;
  if (isEngagementEntry(entry)) return checkEngagementPermission(entry, author, ctx);
  switch (entry.type) {
    case 'ack':
      return checkAcknowledgement(entry.policyVersion, ctx);
    case 'message':
      return checkMessage(entry, author.id, ctx);
    case 'report':
      if (entry.space === null) return checkMessageReport(entry.target, author.id, ctx);
      return checkSpaceAccess(entry.space, author.id, ctx) ?? checkTarget(entry.target, ctx, false);
    case 'join':
      return checkJoin(author.id, ctx);
    case 'leave':
      return checkLeave(author.id, ctx);
    case 'join-decision':
      return checkJoinDecision(entry, author, ctx);
    default:
      return checkSpaceAccess(entry.space, author.id, ctx) ?? checkSpaceEntry(entry, author, ctx);
  }
}

/** The space exists and the author can read it; null when all is well (posting-rights.ts, shared with the composer). */
function checkSpaceAccess(space: SpaceId, author: PersonId, ctx: EntryContext): EntryProblem[] | null {
  return checkAccess(author, { id: space, meta: ctx.space, members: ctx.members });
}

function checkSpaceEntry(entry: OutboxEntry, author: DirectoryRecord, ctx: EntryContext): EntryProblem[] {
  const meta = ctx.space as SpaceMeta; // checked by checkSpaceAccess
  // The same rule the composer asks before offering a space and a kind (postingRights).
  if (entry.type === 'post') return [...checkPostKind(author, meta, entry.kind), ...checkMustRead(entry)];
  if (entry.type === 'accept-answer') return checkAcceptAnswer(entry, author, ctx);
  if (entry.type === 'read-ack') return checkReadAck(entry, author, ctx);
  if (entry.type === 'module-done') return checkModuleDone(entry, ctx);
  if (entry.type === 'comment') {
    const post = ctx.targetPost;
    if (post === null || post.id !== entry.post || post.space !== entry.space) {
      return [{ code: 'post-not-found', message: 'The post you are commenting on is not there.', field: 'post' }];
    }
    if (post.state !== 'published') {
      return [{ code: 'post-not-published', message: 'The post you are commenting on was removed.', field: 'post' }];
    }
    if (entry.replyTo === null) return [];
    const parent = ctx.targetComment;
    if (parent === null || parent.id !== entry.replyTo || parent.post !== entry.post) {
      return [{ code: 'reply-not-found', message: 'The comment you are replying to is not on this post.', field: 'replyTo' }];
    }
    if (parent.state !== 'published') {
      return [{ code: 'reply-not-published', message: 'The comment you are replying to was removed.', field: 'replyTo' }];
    }
    return [];
  }
  if (entry.type === 'reaction') {
    const target = checkTarget(entry.target, ctx, true);
    if (target.length > 0) return target;
    if (ctx.existingReactions.some((r) => r.emoji === entry.emoji && r.id !== entry.id)) {
      return [{ code: 'duplicate-reaction', message: `You already reacted ${entry.emoji} to this.`, field: 'emoji' }];
    }
  }
  return [];
}

/** A reaction's or report's target: a post of this space or a comment in it. */
function checkTarget(target: EntryId, ctx: EntryContext, mustBePublished: boolean): EntryProblem[] {
  const post = ctx.targetPost !== null && ctx.targetPost.id === target && ctx.targetPost.space === ctx.space?.id ? ctx.targetPost : null;
  const comment = ctx.targetComment !== null && ctx.targetComment.id === target ? ctx.targetComment : null;
  const item = post ?? comment;
  if (item === null) return [{ code: 'target-not-found', message: 'The post or comment is not there.', field: 'target' }];
  if (mustBePublished && item.state !== 'published') {
    return [{ code: 'target-not-published', message: 'The post or comment was removed.', field: 'target' }];
  }
  return [];
}

/**
 * An acknowledgement counts only for the policy in force. Why: the relay records it as "has read
 * the policy", so one of version 999 (or of a version that never existed) would let a modified
 * client skip reading any policy; one of an older version was written before the policy changed
 * and the person has not seen the current one.
 */
function checkAcknowledgement(version: number, ctx: EntryContext): EntryProblem[] {
  if (ctx.policyVersion === undefined || ctx.policyVersion === version) return [];
  const message =
    ctx.policyVersion === null
      ? 'There is no behaviour policy to accept yet.'
      : `This accepts version ${version} of the behaviour policy; the current one is version ${ctx.policyVersion}. Please read and accept it.`;
  return [{ code: 'not-current-policy', message, field: 'policyVersion' }];
}

/** The space of a join or leave, as the author may see it: null when it is unknown or secret to them. */
function visibleSpace(author: PersonId, ctx: EntryContext): SpaceMeta | null {
  const meta = ctx.space;
  if (meta === null || (meta.visibility === 'secret' && !ctx.members.includes(author))) return null;
  return meta;
}

const UNKNOWN_SPACE: EntryProblem = { code: 'unknown-space', message: 'This space does not exist or you cannot see it.', field: 'space' };

/**
 * Why a daily cap on joins and leaves: each request to a private space notifies its facilitators,
 * and a join-withdraw loop would otherwise fill their inboxes (2,000 requests were sent in a probe).
 */
function overDailyCap(ctx: EntryContext): EntryProblem[] {
  if ((ctx.membershipActivity?.lastDay ?? 0) < LIMITS.membershipChangesPerDay) return [];
  return [{ code: 'too-many-requests', message: `You joined or left spaces ${LIMITS.membershipChangesPerDay} times today. Try again tomorrow.`, field: 'space' }];
}

function checkJoin(author: PersonId, ctx: EntryContext): EntryProblem[] {
  const meta = visibleSpace(author, ctx);
  if (meta === null) return [UNKNOWN_SPACE];
  // Members of public spaces are in `members` too: joining one is recorded like any membership.
  if (ctx.members.includes(author)) return [{ code: 'already-member', message: `You are already a member of ${meta.name}.`, field: 'space' }];
  const capped = overDailyCap(ctx);
  if (capped.length > 0 || meta.visibility === 'public') return capped;
  const pending = ctx.membershipActivity?.pendingSpaces ?? [];
  if (pending.includes(meta.id)) {
    return [{ code: 'request-pending', message: `You already asked to join ${meta.name}. A facilitator will answer.`, field: 'space' }];
  }
  if (pending.length >= LIMITS.openJoinRequests) {
    return [{ code: 'too-many-requests', message: `You have ${LIMITS.openJoinRequests} requests to join waiting. Wait for an answer, or withdraw one, before asking again.`, field: 'space' }];
  }
  return [];
}

function checkLeave(author: PersonId, ctx: EntryContext): EntryProblem[] {
  const meta = visibleSpace(author, ctx);
  if (meta === null) return [UNKNOWN_SPACE];
  if (!ctx.members.includes(author)) return [{ code: 'not-a-member', message: `You are not a member of ${meta.name}.`, field: 'space' }];
  // A facilitator must read the private space they look after; handing it over is an admin's job.
  if (meta.visibility !== 'public' && meta.facilitators.includes(author)) {
    return [{ code: 'facilitator-cannot-leave', message: `You facilitate ${meta.name}. Ask an administrator to hand it over before you leave.`, field: 'space' }];
  }
  return overDailyCap(ctx);
}

/**
 * A decision on a join request. Only a facilitator of the space (or an admin) decides, only on a
 * request the relay has recorded as waiting in that space, and never on their own request.
 */
function checkJoinDecision(entry: Extract<OutboxEntry, { type: 'join-decision' }>, author: DirectoryRecord, ctx: EntryContext): EntryProblem[] {
  const meta = ctx.space;
  const admin = author.roles.includes('admin');
  if (meta === null || meta.id !== entry.space || (meta.visibility === 'secret' && !admin && !ctx.members.includes(author.id))) return [UNKNOWN_SPACE];
  if (!admin && !meta.facilitators.includes(author.id)) {
    return [{ code: 'not-a-facilitator', message: `Only the facilitators of ${meta.name} decide who joins it.`, field: 'space' }];
  }
  const request = ctx.joinRequest ?? null;
  if (request === null || request.id !== entry.request || request.space !== entry.space) {
    return [{ code: 'request-not-found', message: `There is no such request to join ${meta.name}.`, field: 'request' }];
  }
  if (request.person === author.id) return [{ code: 'own-request', message: 'You cannot decide your own request to join.', field: 'request' }];
  if (request.state !== 'pending') {
    return [{ code: 'request-not-pending', message: `This request was already ${request.state}.`, field: 'request' }];
  }
  return [];
}

function checkMessageReport(target: EntryId, author: PersonId, ctx: EntryContext): EntryProblem[] {
  const conv = ctx.conversation;
  const msg = ctx.targetMessage;
  if (msg === null || msg.id !== target || conv === null || conv.id !== msg.conversation) {
    return [{ code: 'target-not-found', message: 'The message is not there.', field: 'target' }];
  }
  if (!conv.participants.includes(author)) {
    return [{ code: 'not-a-participant', message: 'You can only report messages in your own conversations.', field: 'target' }];
  }
  return [];
}

function checkMessage(entry: Extract<OutboxEntry, { type: 'message' }>, author: PersonId, ctx: EntryContext): EntryProblem[] {
  const conv = ctx.conversation;
  if (conv !== null) {
    if (conv.id !== entry.conversation || !conv.participants.includes(author)) {
      return [{ code: 'not-a-participant', message: 'You are not in this conversation.', field: 'conversation' }];
    }
    return [];
  }
  // A new conversation: the first message names everyone else in it.
  const to = [...new Set((entry.to ?? []).filter((p) => p !== author))];
  if (to.length === 0) {
    return [{ code: 'no-recipients', message: 'Choose at least one colleague to write to.', field: 'to' }];
  }
  if (to.length > LIMITS.messageRecipients) {
    return [{ code: 'too-many-recipients', message: `A conversation can include at most ${LIMITS.messageRecipients} people. Consider a space instead.`, field: 'to' }];
  }
  const problems: EntryProblem[] = [];
  for (const p of to) {
    const person = ctx.people(p);
    if (person === null) problems.push({ code: 'unknown-recipient', message: `"${p}" is not in the company directory.`, field: 'to' });
    else if (person.status !== 'active') {
      problems.push({ code: 'inactive-recipient', message: `${displayName(person)} is no longer active and cannot receive messages.`, field: 'to' });
    }
  }
  return problems;
}
