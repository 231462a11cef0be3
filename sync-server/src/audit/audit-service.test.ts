import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import { startAuditService } from './audit-service.js';
import { CheckpointReader } from './checkpoints.js';
import { openSqliteStorage } from '../storage/open-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-audit-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noRooms = { listRooms: async () => [] } as unknown as DocHost;

describe('audit service', () => {
  it('creates its key in the database\'s directory, checkpoints on a timer and once more at stop', async () => {
    const storage = await openSqliteStorage(dir);
    const { db } = storage;
    const service = await startAuditService({ host: noRooms, db, log: createLogger('silent'), dataDir: dir, checkpointEveryMs: 20 });
    expect(service.key.fingerprint).toMatch(/^sha256:/);
    const checkpoints = new CheckpointReader(db);
    expect(await checkpoints.latest()).toBeNull(); // an empty journal has nothing to sign
    await service.journal.record({ kind: 'policy', actor: 'admin' });
    await new Promise((r) => setTimeout(r, 60));
    expect(await checkpoints.latest()).toMatchObject({ seq: 1, keyFingerprint: service.key.fingerprint });
    await service.journal.record({ kind: 'policy', actor: 'admin' });
    await service.stop();
    expect(await checkpoints.latest()).toMatchObject({ seq: 2 });
    await storage.close();
  });

  it('survives a retention sweep that fails (the database unreachable): logged, and the next sweep runs', async () => {
    const storage = await openSqliteStorage(dir);
    let attempts = 0;
    const unreachable = {
      listRooms: async () => {
        attempts++;
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    } as unknown as DocHost;
    const errors: string[] = [];
    const log = createLogger('silent');
    log.error = ((_obj: unknown, msg?: string) => void errors.push(msg ?? '')) as typeof log.error;
    const service = await startAuditService({ host: unreachable, db: storage.db, log, dataDir: dir, firstSweepAfterMs: 5, retentionEveryMs: 20 });
    await new Promise((r) => setTimeout(r, 120));
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(errors).toContain('retention sweep failed; the next one retries');
    await service.stop();
    await storage.close();
  });
});
