// The audit journal's life in a running relay: the journal itself, the Ed25519 audit key (created
// on first start), a signed checkpoint at start when the journal grew while the relay was down, at
// least hourly after that, and a last one when the relay stops; and the retention sweep, a minute
// after start and hourly after that.
// Why here and not in logic.ts: the relay's wiring stays a few lines, and tests start the same
// service on a bare database.
import type { Logger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import { RetentionSweeper } from '../retention/retention-sweep.js';
import { loadAuditKey, type AuditKey } from './audit-key.js';
import { CheckpointWriter, type Checkpoint } from './checkpoints.js';
import { journalFor, type AuditJournal } from './journal.js';
import { LegalHolds } from './legal-holds.js';
import type { Db } from '../storage/schema.js';
import type { Leases } from '../storage/leases.js';

const HOUR_MS = 60 * 60 * 1000;

export interface AuditServiceOptions {
  host: DocHost;
  db: Db;
  log: Logger;
  /** Where the audit key lives: the data directory. */
  dataDir: string;
  checkpointEveryMs?: number;
  retentionEveryMs?: number;
  /** The first retention sweep after start. Default 60 s. */
  firstSweepAfterMs?: number;
  /** See RetentionOptions.compact. */
  compact?: (room: string) => Promise<void>;
  now?: () => number;
  /** Several relay processes on one database: see RetentionOptions.leases. */
  leases?: Leases;
}

export interface AuditService {
  journal: AuditJournal;
  key: AuditKey;
  holds: LegalHolds;
  retention: RetentionSweeper;
  /** Signs the journal's head now (null when the latest checkpoint already covers it). */
  checkpoint(): Promise<Checkpoint | null>;
  /** Stops the timers, waits for a sweep in progress, signs a last checkpoint. */
  stop(): Promise<void>;
}

export async function startAuditService(options: AuditServiceOptions): Promise<AuditService> {
  const now = options.now ?? Date.now;
  const journal = journalFor(options.db);
  const key = loadAuditKey(options.dataDir);
  const writer = new CheckpointWriter(options.db, key);
  const holds = new LegalHolds(options.db);
  const retention = new RetentionSweeper({ host: options.host, journal, holds, log: options.log, now, ...(options.compact ? { compact: options.compact } : {}), ...(options.leases ? { leases: options.leases } : {}) });
  const checkpoint = async (): Promise<Checkpoint | null> => {
    try {
      const c = await writer.checkpoint(await journal.head(), now());
      // The log line is the checkpoint's witness outside the database (ship logs off the relay).
      if (c !== null) options.log.info({ auditCheckpoint: c }, 'audit checkpoint signed');
      return c;
    } catch (err) {
      options.log.error({ err }, 'audit checkpoint failed');
      return null;
    }
  };
  options.log.info({ auditKey: key.fingerprint }, 'audit journal ready');
  await checkpoint();
  const checkpointTimer = setInterval(() => void checkpoint(), options.checkpointEveryMs ?? HOUR_MS);
  checkpointTimer.unref();
  // A sweep that fails (the database unreachable for a moment) is logged and the next one retries.
  // Why caught here: a timer's rejected promise is an unhandled rejection, and Node ends the
  // process on one — a PostgreSQL restart at the hour took every relay process down with it.
  const sweep = () => void retention.sweep().catch((err: unknown) => options.log.error({ err }, 'retention sweep failed; the next one retries'));
  const retentionTimer = setInterval(sweep, options.retentionEveryMs ?? HOUR_MS);
  retentionTimer.unref();
  // A relay restarted more often than hourly (deployments) must still sweep: once soon after start.
  const firstSweep = setTimeout(sweep, options.firstSweepAfterMs ?? 60_000);
  firstSweep.unref();
  return {
    journal,
    key,
    holds,
    retention,
    checkpoint,
    async stop() {
      clearInterval(checkpointTimer);
      clearInterval(retentionTimer);
      clearTimeout(firstSweep);
      await retention.idle();
      await checkpoint();
    },
  };
}
