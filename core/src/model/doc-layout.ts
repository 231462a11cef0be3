// The names of the root Yjs types of every Hearth document, in one place. Why: a writer and a reader
// that disagree on a name see an empty document without any error, so both sides import these
// constants instead of spelling the strings. docs/protocol.md documents the same names for third
// parties; change both together (a rename is a protocol break).

/** outbox/<personId>: entryId → Y.Map of the entry's fields. */
export const OUTBOX_ENTRIES = 'entries';
/** outbox/<personId>: setting key → plain value (the person's own settings, synced across their devices). */
export const OUTBOX_SETTINGS = 'settings';

/** space/<spaceId> and dm/<conversationId>: meta fields (one key per field). */
export const META = 'meta';
/** space/<spaceId>: personId → true for members of a private or secret space. */
export const SPACE_MEMBERS = 'members';
/**
 * space/<spaceId>: bucket key ('yyyy-mm') → BucketSummary, the index of the space's time buckets.
 * space/<spaceId>/<yyyy-mm> (a bucket) holds META (id, bucket), SPACE_POSTS, SPACE_COMMENTS,
 * SPACE_REACTIONS and MODERATION for the posts first published in that month and everything on them.
 */
export const SPACE_BUCKETS = 'buckets';
/** space/<spaceId>/<yyyy-mm> (and space/<spaceId> before the bucket migration): entryId → PublishedPost. */
export const SPACE_POSTS = 'posts';
/** space/<spaceId>: entryId → PublishedComment. */
export const SPACE_COMMENTS = 'comments';
/** space/<spaceId>: entryId → PublishedReaction. */
export const SPACE_REACTIONS = 'reactions';
/** space/<spaceId>: question post id → AcceptedAnswer. */
export const SPACE_ANSWERS = 'answers';
/** dm/<conversationId>: entryId → PublishedMessage. */
export const DM_MESSAGES = 'messages';
/** space/<spaceId> and dm/<conversationId>: entryId → ModerationMark, for hidden items. */
export const MODERATION = 'moderation';

/** inbox/<personId>: entryId → EntryStatus. */
export const INBOX_STATUSES = 'statuses';
/** inbox/<personId>: noticeId → Notice. */
export const INBOX_NOTICES = 'notices';
/** inbox/<personId>: conversationId → ConversationRef (the dm rooms the person is in). */
export const INBOX_CONVERSATIONS = 'conversations';
/** inbox/<personId>: spaceId → true. */
export const INBOX_MEMBERSHIPS = 'memberships';
/** inbox/<personId>: request entryId → JoinRequestView (own requests, and requests to decide). */
export const INBOX_JOIN_REQUESTS = 'joinRequests';

/** inbox/<personId>: post id → Reach of a must-read announcement (its author and comms only). */
export const INBOX_REACH = 'reach';

/** directory: personId → DirectoryRecord. */
export const DIRECTORY_PEOPLE = 'people';
/** policy: the single key POLICY_DOCUMENT_KEY holds the distributed policy JSON. */
export const POLICY_ROOT = 'policy';
export const POLICY_DOCUMENT_KEY = 'document';
/** spaces: spaceId → SpaceMeta (the catalogue; secret spaces are never in it). */
export const CATALOGUE_SPACES = 'spaces';

/** The maps of a space or dm document that hold published items, in lookup order. */
export const ITEM_MAPS = [SPACE_POSTS, SPACE_COMMENTS, SPACE_REACTIONS, DM_MESSAGES] as const;

/** recognition (relay only, every employee reads): the admin's switch, kudos, badges, consents, leaderboards. */
export const RECOGNITION_SETTINGS = 'settings';
export const RECOGNITION_KUDOS = 'kudos';
export const RECOGNITION_BADGES = 'badges';
export const RECOGNITION_CONSENT = 'consent';
export const RECOGNITION_LEADERBOARDS = 'leaderboards';
/** space/<spaceId>: postId → BestOfItem, the facilitators' "best of" collection. */
export const SPACE_BEST_OF = 'bestOf';
