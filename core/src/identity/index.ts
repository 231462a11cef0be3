// Public surface of core/src/identity; index.ts re-exports it.
export type * from './types.js';
export * from './directory-schema.js';
export * from './real-name.js';
export * from './display-name.js';
export * from './import-directory.js';
export { PERSON_STATUSES, ROLES } from './types.js';
export * from './directory-merge.js';
