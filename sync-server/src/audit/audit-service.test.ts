import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import { startAuditService } from './audit-service.js';
import { CheckpointReader } from './checkpoints.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-audit-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noRooms = { listRooms: async () => [] } as unknown as DocHost;

describe('audit service', () => {
  it('creates its key in the database\'s directory, checkpoints on a timer and once more at stop', async () => {
    const db = new Database(join(dir, 'hearth.sqlite'));
    const service = startAuditService({ host: noRooms, db, log: createLogger('silent'), checkpointEveryMs: 20 });
    expect(service.key.fingerprint).toMatch(/^sha256:/);
    const checkpoints = new CheckpointReader(db);
    expect(checkpoints.latest()).toBeNull(); // an empty journal has nothing to sign
    service.journal.record({ kind: 'policy', actor: 'admin' });
    await new Promise((r) => setTimeout(r, 60));
    expect(checkpoints.latest()).toMatchObject({ seq: 1, keyFingerprint: service.key.fingerprint });
    service.journal.record({ kind: 'policy', actor: 'admin' });
    await service.stop();
    expect(checkpoints.latest()).toMatchObject({ seq: 2 });
    db.close();
  });
});
