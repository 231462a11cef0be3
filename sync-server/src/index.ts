// Public surface of @hearth/sync-server: start a relay, and the seams the relay's logic builds on.
export const RELAY_NAME = 'hearth-relay';
export { startRelay } from './server/relay.js';
export type { RelayOptions, RunningRelay } from './server/relay.js';
export { RELAY_ORIGIN } from './rooms/doc-host.js';
export type { DocHost } from './rooms/doc-host.js';
export type { Storage, RoomLog } from './storage/storage.js';
export { openSqliteStorage, openStorage, storageConfig } from './storage/open-storage.js';
export { metrics, registry } from './metrics.js';
export { CloseCode } from './protocol/close-codes.js';
export { MESSAGE_NOTICE, encodeNotice, decodeNotice, readNotice } from './protocol/notices.js';
export type { RelayNotice } from './protocol/notices.js';
export { mintToken, verifyToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth/tokens.js';
export { DEFAULT_LIMITS } from './connection/limits.js';
export type { ConnectionLimits } from './connection/limits.js';
