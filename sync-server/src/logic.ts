// The relay's logic, started once the transport and storage are up: publication of outbox entries,
// admin operations and, in demo mode, the demo company. Placeholder until publication lands.
import type Database from 'better-sqlite3';
import type { DocHost } from './rooms/doc-host.js';

export interface RelayLogicOptions {
  demo: boolean;
}

export interface RelayLogic {
  stop(): Promise<void>;
}

export async function startRelayLogic(_host: DocHost, _db: Database.Database, _options: RelayLogicOptions): Promise<RelayLogic> {
  return { stop: async () => {} };
}
