// Public surface of core/src/model; index.ts re-exports it.
export type * from './types.js';
