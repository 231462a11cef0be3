// Public surface of @hearth/core. Everything the relay and the app may use is exported here.
export * from './model/index.js';
export * from './policy/index.js';
export * from './identity/index.js';
export * from './figures/index.js';
