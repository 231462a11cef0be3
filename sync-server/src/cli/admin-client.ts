// Runs an admin operation for the CLI: through the running relay's POST /admin/<operation> when one
// holds the data directory, otherwise in-process on the database, under the same data-directory
// lock a relay takes. Why never both: two writers on one database behind the relay's back would
// each hold rooms in memory and overwrite each other's view of them.
import '../admin/index.js';
import { adminOperations } from '../admin/registry.js';
import type { AdminResult } from '../admin/registry.js';
import { loadSigningKey } from '../auth/signing-key.js';
import { mintToken } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import { RelayDocHost } from '../rooms/relay-doc-host.js';
import { lockDataDir, runningRelay } from '../server/data-dir-lock.js';
import { NoDataDirectory, existingDataDir } from './data-dir.js';
import { openStorage, storageConfig } from '../storage/open-storage.js';

export async function runAdminOperation(dir: string, operation: string, body: unknown, logger: Logger, postgres?: string): Promise<AdminResult> {
  let dataDir: string;
  try {
    dataDir = existingDataDir(dir);
  } catch (err) {
    if (err instanceof NoDataDirectory) return { ok: false, error: err.message };
    throw err;
  }
  const running = runningRelay(dataDir);
  if (running !== null) {
    const token = await mintToken(loadSigningKey(dataDir, { create: false }), 'cli', { ttl: '5m', admin: true });
    const host = running.host.includes(':') ? `[${running.host}]` : running.host;
    const response = await fetch(`http://${host}:${running.port}/admin/${operation}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as AdminResult | { error?: string };
    if ('ok' in answer) return answer;
    return { ok: false, error: answer.error ?? `relay answered HTTP ${response.status}` };
  }
  const run = Object.hasOwn(adminOperations, operation) ? adminOperations[operation] : undefined;
  if (run === undefined) return { ok: false, error: `unknown operation ${operation}` };
  const lock = lockDataDir(dataDir, `hearth-relay ${operation}`);
  let storage;
  try {
    storage = await openStorage(storageConfig(dataDir, postgres));
  } catch (err) {
    lock.release();
    throw err;
  }
  const host = new RelayDocHost(storage.rooms, logger);
  try {
    return await run({ host, db: storage.db }, body);
  } finally {
    await host.drain();
    host.stop();
    await storage.close();
    lock.release();
  }
}
