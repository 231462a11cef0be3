// Public surface of core/src/model; core/src/index.ts re-exports it.
export type * from './types.js';
export { POST_KINDS, SPACE_KINDS, SPACE_VISIBILITIES, REACTIONS, LIMITS, MENTION_PATTERN } from './types.js';
export * from './doc-layout.js';
export * from './room-names.js';
export * from './canonical-json.js';
export * from './text-diff.js';
export * from './outbox-schema.js';
export * from './outbox-writes.js';
export * from './entry-limits.js';
export * from './relay-publish.js';
export * from './relay-space-writes.js';
export * from './relay-inbox-writes.js';
export * from './space-view.js';
export * from './document-views.js';
export * from './overlay.js';
export * from './mentions.js';
export * from './inbox-conversations.js';
export * from './relay-retention.js';
