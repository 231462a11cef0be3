// Admin operations, one registry for both ways of reaching them: the running relay's
// authenticated `POST /admin/<operation>` endpoint, and the CLI running in-process when no relay
// holds the data directory. One code path means the two can never disagree.
import type { DocHost } from '../rooms/doc-host.js';
import type { Db } from '../storage/schema.js';

export interface AdminContext {
  host: DocHost;
  db: Db;
}

/** Errors as data: the endpoint maps `ok: false` to HTTP 400 and the CLI prints `error`. */
export type AdminResult = { ok: true; result: unknown } | { ok: false; error: string; details?: unknown };

export type AdminOperation = (ctx: AdminContext, body: unknown) => Promise<AdminResult>;

export const adminOperations: Record<string, AdminOperation> = {};
