// The shapes of Hearth's documents, as plain data. Why plain data: the relay and the app both reason
// about entries and published items as values (validate, hash, compare, render); only the outbox
// keeps live Yjs types (Y.Text bodies) because only the outbox is written by more than one device.
//
// Every shared document has exactly one writer (see docs/architecture.md):
//   outbox/<personId>  written by that person's devices      read by that person and the relay
//   space/<spaceId>    written by the relay                  read by members (public: everyone)
//   dm/<id>            written by the relay                  read by the participants
//   inbox/<personId>   written by the relay                  read by that person
//   directory, policy, spaces   written by the relay        read by every employee

import type { EngagementEntry } from './engagement-types.js';

export type PersonId = string;
export type SpaceId = string;
export type EntryId = string; // a ULID made on the client
export type ConversationId = string;
/** Milliseconds since the epoch (UTC). */
export type Timestamp = number;

/** `ama`: a leader's "ask me anything" (questions are its comments, voted up with 👍). */
export const POST_KINDS = ['discussion', 'question', 'announcement', 'ama'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const SPACE_KINDS = ['discussion', 'news', 'course'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const SPACE_VISIBILITIES = ['public', 'private', 'secret'] as const;
export type SpaceVisibility = (typeof SPACE_VISIBILITIES)[number];

/** Reactions come from a fixed set, so they read the same in every culture and cannot carry text. */
export const REACTIONS = ['👍', '❤️', '🎉', '😄', '😮', '🙏', '👀', '✅'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const LIMITS = {
  titleChars: 300,
  bodyChars: 40_000,
  reportReasonChars: 2_000,
  messageRecipients: 50,
  /** Join requests one person may have waiting for facilitators at once, across all spaces. */
  openJoinRequests: 5,
  /** Join and leave entries one person may make in a day (bounds facilitator notices and churn). */
  membershipChangesPerDay: 20,
  /** The most people one item notifies by mentioning them, whatever the policy allows. */
  mentionNotices: 20,
} as const;

// ---------------------------------------------------------------------------------------------
// Outbox entries: what a person authors. Snapshots read from the outbox document.
// No entry carries an author: the author is the outbox owner, always.

/**
 * A file attached to a post, comment or message: the SHA-256 of its bytes (lower-case hex), its name
 * as the author's device had it (a base name, never a path), its type and size as the author's
 * device saw them. The relay judges the type and size it sniffed itself, never these claims.
 */
export interface AttachmentRef {
  hash: string;
  name: string;
  mimeType: string;
  bytes: number;
}

interface EntryBase {
  id: EntryId;
  createdAt: Timestamp;
  /** Set when the author edits the entry (any device). */
  editedAt: Timestamp | null;
  /** The author withdrew it; the relay removes the published item. */
  retracted: boolean;
}

export interface PostEntry extends EntryBase {
  type: 'post';
  space: SpaceId;
  kind: PostKind;
  title: string;
  body: string;
  /**
   * An announcement everyone in its audience must acknowledge (ReadAckEntry). Absent when not
   * (written only when true, so posts from before it keep their content fingerprint).
   */
  mustRead?: boolean;
  /** Absent when there are none (so entries written before attachments keep their content identity). */
  attachments?: AttachmentRef[];
}

export interface CommentEntry extends EntryBase {
  type: 'comment';
  space: SpaceId;
  post: EntryId;
  /** The comment this one answers, for threads; null for a top-level comment. */
  replyTo: EntryId | null;
  body: string;
  attachments?: AttachmentRef[];
}

export interface ReactionEntry extends EntryBase {
  type: 'reaction';
  space: SpaceId;
  /** A post or comment id. */
  target: EntryId;
  emoji: Reaction;
}

export interface ReportEntry extends EntryBase {
  type: 'report';
  space: SpaceId | null; // null for a report on a direct message
  target: EntryId;
  reason: string;
}

export interface AcknowledgementEntry extends EntryBase {
  type: 'ack';
  policyVersion: number;
}

export interface MessageEntry extends EntryBase {
  type: 'message';
  conversation: ConversationId;
  /** Set only on the message that starts a conversation: everyone in it except the author. */
  to: PersonId[] | null;
  body: string;
  attachments?: AttachmentRef[];
}

/**
 * Join a space. On a public space the relay makes the author a member at once (the space is on their
 * Home feed and counts them among its members); on a private one it is a request that a facilitator
 * approves or declines (JoinDecisionEntry). Retracting a waiting request withdraws it.
 */
export interface JoinRequestEntry extends EntryBase {
  type: 'join';
  space: SpaceId;
}

/** Leave a space one is a member of (public or private). */
export interface LeaveEntry extends EntryBase {
  type: 'leave';
  space: SpaceId;
}

export const JOIN_DECISIONS = ['approve', 'decline'] as const;
export type JoinDecision = (typeof JOIN_DECISIONS)[number];

/**
 * A facilitator's (or an admin's) answer to a waiting join request. `request` is the request's
 * entry id as the relay lists it in the facilitator's inbox; the requester is taken from the
 * relay's own record of that request, never from this entry.
 */
export interface JoinDecisionEntry extends EntryBase {
  type: 'join-decision';
  space: SpaceId;
  request: EntryId;
  decision: JoinDecision;
}

/**
 * The asker of a question (or a facilitator of its space) accepts one of its comments as the
 * answer; `comment: null` takes the acceptance back. The latest acceptance of a question wins;
 * retracting the entry that holds it withdraws it.
 */
export interface AcceptAnswerEntry extends EntryBase {
  type: 'accept-answer';
  space: SpaceId;
  post: EntryId;
  comment: EntryId | null;
}

/** The author has read a must-read announcement. Cannot be withdrawn. */
export interface ReadAckEntry extends EntryBase {
  type: 'read-ack';
  space: SpaceId;
  post: EntryId;
}

/**
 * The author has done a module of a course (a post of a course space's facilitator). Retracting it
 * takes the mark back; marking again is a new entry. Only the relay's aggregate, under the
 * five-person rule, ever shows anyone else (figures); the person's own progress is read from their outbox.
 */
export interface ModuleDoneEntry extends EntryBase {
  type: 'module-done';
  space: SpaceId;
  post: EntryId;
}

export type OutboxEntry =
  | ModuleDoneEntry
  | AcceptAnswerEntry
  | ReadAckEntry
  | PostEntry
  | CommentEntry
  | ReactionEntry
  | ReportEntry
  | AcknowledgementEntry
  | MessageEntry
  | JoinRequestEntry
  | LeaveEntry
  | JoinDecisionEntry
  | EngagementEntry;

export type EntryType = OutboxEntry['type'];

// ---------------------------------------------------------------------------------------------
// Published items: what the relay writes into space and dm documents.

/** hidden: a moderator removed it; retracted: the author withdrew it. Neither is shown in feeds. */
export type ItemState = 'published' | 'hidden' | 'retracted';

export interface PublishedPost {
  id: EntryId;
  authorId: PersonId;
  space: SpaceId;
  kind: PostKind;
  title: string;
  body: string;
  /** The files, as the relay checked them (sniffed type, real size); absent when none. */
  attachments?: AttachmentRef[];
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  state: ItemState;
  /** The relay's publication version of this entry; higher wins. */
  version: number;
  /** When the relay published this version. */
  publishedAt?: Timestamp;
  /** A must-read announcement (present only when true). */
  mustRead?: boolean;
}

/** space/<id> `answers`: the accepted answer of a question, keyed by the question's id. */
export interface AcceptedAnswer {
  post: EntryId;
  comment: EntryId;
  /** Who accepted it (the asker or a facilitator). */
  by: PersonId;
  /** The accept-answer entry that holds it. */
  entry: EntryId;
  at: Timestamp;
}

/** inbox/<id> `reach`: how many of a must-read announcement's audience acknowledged it (counts only, never who). */
export interface Reach {
  post: EntryId;
  space: SpaceId;
  title: string;
  acknowledged: number;
  audience: number;
  updatedAt: Timestamp;
}

export interface PublishedComment {
  id: EntryId;
  authorId: PersonId;
  post: EntryId;
  replyTo: EntryId | null;
  body: string;
  attachments?: AttachmentRef[];
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  state: ItemState;
  version: number;
  /** When the relay published this version. */
  publishedAt?: Timestamp;
}

export interface PublishedReaction {
  id: EntryId;
  authorId: PersonId;
  target: EntryId;
  emoji: Reaction;
  state: ItemState;
  version: number;
  /** When the relay published this version. */
  publishedAt?: Timestamp;
}

export interface PublishedMessage {
  id: EntryId;
  authorId: PersonId;
  body: string;
  attachments?: AttachmentRef[];
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  state: ItemState;
  version: number;
  /** When the relay published this version. */
  publishedAt?: Timestamp;
}

export interface SpaceMeta {
  id: SpaceId;
  name: string;
  description: string;
  kind: SpaceKind;
  visibility: SpaceVisibility;
  facilitators: PersonId[];
  /** Confidential-term scopes name spaces; retention is per space (days, null = keep forever). */
  retentionDays: number | null;
  createdAt: Timestamp;
}

// ---------------------------------------------------------------------------------------------
// Read-only views returned by readSpace, readConversation, ...

export interface CommentView extends Omit<PublishedComment, 'version'> {
  replies: CommentView[];
  reactions: Partial<Record<Reaction, PersonId[]>>;
  /** Present only in overlayed views: the author's own entry not yet published. */
  pending?: PendingMark;
}

export interface PostView extends Omit<PublishedPost, 'version'> {
  /** Threaded: top-level comments, each with its replies. */
  comments: CommentView[];
  commentCount: number;
  reactions: Partial<Record<Reaction, PersonId[]>>;
  pending?: PendingMark;
  /** A question's accepted answer: the id of a visible comment of it, when there is one. */
  acceptedAnswer?: EntryId;
}

/** How an unpublished own entry is shown: waiting for the relay, or held by the policy. */
export type PendingMark = 'pending' | 'held' | 'rejected';

export interface SpaceView {
  meta: SpaceMeta | null;
  /** Members of a private or secret space; empty for public spaces. */
  members: PersonId[];
  /** Published posts, newest first. Hidden and retracted posts are left out. */
  posts: PostView[];
  /**
   * Ids of items a moderator hid (in the document, not shown). The outbox overlay needs them so an
   * author's hidden item does not come back as 'pending'. Absent means none.
   */
  hidden?: EntryId[];
}

export interface ConversationView {
  id: ConversationId;
  participants: PersonId[];
  createdAt: Timestamp | null;
  /** Oldest first. */
  messages: (Omit<PublishedMessage, 'version'> & { pending?: PendingMark })[];
  /** Ids of messages a moderator hid, as in SpaceView. Absent means none. */
  hidden?: EntryId[];
}

// ---------------------------------------------------------------------------------------------
// Inbox: the relay's word to one person.

export type EntryStatusState = 'published' | 'held' | 'rejected' | 'waiting-acknowledgement';

/** Where each of the person's entries stands on the relay. Keyed by entry id in the inbox. */
export interface EntryStatus {
  entryId: EntryId;
  state: EntryStatusState;
  version: number;
  /** Findings of the policy or validation, in plain words, for held and rejected entries. */
  findings: StatusFinding[];
  updatedAt: Timestamp;
}

export interface StatusFinding {
  rule: string;
  severity: 'allow' | 'warn' | 'flag' | 'hold' | 'reject';
  message: string;
  guidance: string;
  field?: 'title' | 'body' | 'reason' | 'entry';
  start?: number;
  end?: number;
}

/**
 * Every kind of inbox notice, in one list: the type, the relay's writers and the readers' schema
 * all come from it. Why one list: a kind added to the type but not to the schema was silently
 * dropped by every reader. To add a notice kind, add it here (and to docs/protocol.md); the app
 * decides in `desktop/src/renderer/notify/notice-rules.ts` whether it raises an OS notification.
 */
export const NOTICE_KINDS = [
  'held',
  /** Published, and a moderation case opened: the author is told why (the findings' guidance). */
  'flagged',
  'rejected',
  'published-after-review',
  'hidden',
  'warning',
  'waiting-acknowledgement',
  'reply',
  'mention',
  /** People reacted to one of the person's posts or comments (one notice per item and hour: batched). */
  'reaction',
  /** A direct message to the person (one notice per message). */
  'message',
  'join-request',
  'join-approved',
  'join-declined',
  'membership-removed',
  /** A report could not become a moderation case (the item is gone): the reporter is told so. */
  'report-not-opened',
  /** A moderator escalated a case to a role the person holds (HR, legal, ...). */
  'escalated',
  /** A colleague gave the person kudos (recognition). */
  'kudos',
  /** Someone else accepted the person's comment as the answer to a question (relay-engagement.ts). */
  'answer-accepted',
  /**
   * A must-read announcement asks the person to read it (relay-engagement.ts `mustReadNotice`);
   * the relay removes it once they acknowledge.
   */
  'must-read-notice',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Notice {
  id: string;
  kind: NoticeKind;
  createdAt: Timestamp;
  message: string;
  entryId: EntryId | null;
  space: SpaceId | null;
  /** The person the notice is about (the replier, the requester, the moderator), if any. */
  about: PersonId | null;
  findings: StatusFinding[];
  /**
   * The post that holds the item, when the item is a comment or a reaction (so "Open" lands on the
   * item itself without the space's history). Absent on older notices and on notices about posts.
   */
  post?: EntryId;
  /** The conversation of a `message` notice. */
  conversation?: ConversationId;
  /** Everyone a batched `reaction` notice is about, first reactor first (`about` is the first). */
  people?: PersonId[];
}

export const JOIN_REQUEST_STATES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type JoinRequestState = (typeof JOIN_REQUEST_STATES)[number];

/**
 * A join request as the relay records it, in the inbox of the person who asked (their own requests)
 * and of the space's facilitators (requests to decide). Keyed by the request's entry id.
 */
export interface JoinRequestView {
  id: EntryId;
  space: SpaceId;
  person: PersonId;
  state: JoinRequestState;
  requestedAt: Timestamp;
  /** Who approved or declined it; null while pending or when withdrawn. */
  decidedBy: PersonId | null;
  decidedAt: Timestamp | null;
}

export interface InboxView {
  notices: Notice[]; // newest first
  statuses: Record<EntryId, EntryStatus>;
  /**
   * Spaces the person is a member of: private and secret ones (secret ones are not in the
   * catalogue) and the public ones they joined (followed on Home).
   */
  memberships: SpaceId[];
  /** Join requests: the person's own, and those waiting in spaces they facilitate. */
  joinRequests: Record<EntryId, JoinRequestView>;
  /** Reach of must-read announcements this person wrote or (comms) oversees, by post id. Absent means none. */
  reach?: Record<EntryId, Reach>;
}

/**
 * Mentions are written `<@personId>` in a body (the composer inserts them; the app renders the
 * person's display name from the directory). `<@all>` and `<@here>` are mass mentions.
 */
export const MENTION_PATTERN = /<@([a-z0-9][a-z0-9._-]{0,63})>/g;

// ---------------------------------------------------------------------------------------------
// Room names.

/** A space's time bucket: the calendar month (UTC) of its posts' first publication, 'yyyy-mm'. */
export type BucketKey = string;

/** One line of a space's bucket index (`Y.Map('buckets')` of the space document). */
export interface BucketSummary {
  key: BucketKey;
  /** Posts in the bucket (retracted ones included: they keep their place). */
  posts: number;
  /** createdAt of the oldest and newest post in the bucket. */
  first: Timestamp;
  last: Timestamp;
}

export type RoomName =
  | { kind: 'outbox'; person: PersonId }
  | { kind: 'inbox'; person: PersonId }
  | { kind: 'space'; space: SpaceId }
  /** One time bucket of a space: the posts published in one calendar month (UTC), 'yyyy-mm'. */
  | { kind: 'bucket'; space: SpaceId; bucket: BucketKey }
  | { kind: 'dm'; conversation: ConversationId }
  | { kind: 'directory' }
  | { kind: 'policy' }
  | { kind: 'spaces' }
  | { kind: 'recognition' };
