// Two relay processes on one PostgreSQL database and one Redis, for the scale-out tests: each
// process a data directory of its own with the same keys (a deployment copies them), the same
// database, and a Redis channel prefix of the test's own so other test runs sharing the server
// are untouched. Everything started is registered in the caller's clean-ups.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { putDirectoryRecords } from '@hearth/core';
import { AUDIT_PRIVATE_KEY_FILE, AUDIT_PUBLIC_KEY_FILE } from '../src/audit/audit-key.js';
import { KEY_FILE } from '../src/auth/signing-key.js';
import { createLogger } from '../src/log.js';
import { startRelay, type RelayOptions, type RunningRelay } from '../src/server/relay.js';
import { createTestDatabase, dropTestDatabase, person, runAdmin, tempDataDir } from './helpers.js';

export const TEST_REDIS = process.env.HEARTH_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export type Cleanups = Array<() => unknown>;

/** Two data directories with the same keys (a deployment copies them to every process). */
export function sharedKeys(from: string, to: string): void {
  for (const f of [KEY_FILE, AUDIT_PRIVATE_KEY_FILE, AUDIT_PUBLIC_KEY_FILE]) if (existsSync(join(from, f))) copyFileSync(join(from, f), join(to, f));
}

/** A fresh database, dropped by the clean-ups. */
export async function scaleOutDatabase(cleanups: Cleanups): Promise<string> {
  const url = await createTestDatabase();
  cleanups.push(() => dropTestDatabase(url));
  return url;
}

export interface TwoRelayOptions {
  leaseTtlMs?: number;
  people?: string[];
  /** The behaviour policy set through process A (its source, as `policy set` takes it). */
  policy: unknown;
  /** More options for both processes. */
  relay?: Partial<RelayOptions>;
}

/** Processes A and B on `postgres` and `redis`, with the directory, the policy and the space `general`. */
export async function startTwoRelays(cleanups: Cleanups, postgres: string, redis: string, o: TwoRelayOptions): Promise<[RunningRelay, RunningRelay]> {
  const prefix = `hearth-test-${randomBytes(4).toString('hex')}:`;
  const dirs = [tempDataDir(), tempDataDir()];
  cleanups.push(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const start = (dataDir: string) =>
    startRelay({ port: 0, host: '127.0.0.1', dataDir, postgres, redis, redisPrefix: prefix, leaseTtlMs: o.leaseTtlMs ?? 10_000, logger: createLogger(), moderationSettleMs: 300, ...o.relay });
  const a = await start(dirs[0]!);
  cleanups.push(() => a.stop());
  sharedKeys(dirs[0]!, dirs[1]!);
  const b = await start(dirs[1]!);
  cleanups.push(() => b.stop());
  await a.host.write('directory', (doc) => putDirectoryRecords(doc, (o.people ?? ['alice', 'bob', 'carol']).map((p) => person(p))));
  await runAdmin(a, 'policy-set', { source: o.policy });
  await runAdmin(a, 'space-create', { id: 'general', name: 'General' });
  return [a, b];
}
