// Public surface of core/src/policy; index.ts re-exports it.
export type * from './types.js';
export * from './validate-entry.js';
