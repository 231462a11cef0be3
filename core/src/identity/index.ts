// Public surface of core/src/identity; index.ts re-exports it.
export type * from './types.js';
