// Public surface of @hearth/core. Everything the relay and the app may use is exported here.
export const CORE_VERSION = '0.1.0';
