// `hearth-relay audit export|verify|key` and, through hold-commands.ts, `hearth-relay hold ...`.
// Why export only reads: it reads the journal beside a live relay (WAL on SQLite; PostgreSQL with
// `--postgres`) and signs its export-time checkpoint into the file, never into the database, so it
// needs no data-directory lock. `verify` needs no data directory at all: an auditor runs it
// offline on the file, ideally with the key fingerprint they pinned (`--key`).
import { closeSync, createReadStream, existsSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AUDIT_PUBLIC_KEY_FILE, loadAuditKey } from '../audit/audit-key.js';
import type { ExportFilter } from '../audit/export-format.js';
import { ExportVerifier } from '../audit/export-verify.js';
import { exportLines, type ExportSummary } from '../audit/export-writer.js';
import { existingDataDir } from './data-dir.js';
import { DATABASE_FILE, openStorage, storageConfig } from '../storage/open-storage.js';
import { postgresOption } from './storage-option.js';
import { registerHoldCommands } from './hold-commands.js';

/** An ISO 8601 date or date-time (a bare date is midnight UTC), or milliseconds since the epoch. */
export function parseInstant(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError(`not a date: ${value} (use 2026-01-31 or 2026-01-31T12:00:00Z)`);
  return ms;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit journal: export for legal hold and eDiscovery, verify an export');
  audit
    .command('export <file>')
    .description('write the journal records matching the filters, with signed checkpoints, to <file> (JSON Lines; safe while the relay runs)')
    .option('--from <date>', 'first instant included (ISO 8601 or ms)', parseInstant)
    .option('--to <date>', 'first instant excluded (ISO 8601 or ms)', parseInstant)
    .option('--space <id>', 'only records about this space')
    .option('--person <id>', 'only records by or about this person')
    .addOption(new Option('--data <dir>', 'data directory').default('./data'))
    .addOption(postgresOption())
    .action(async (file: string, opts: { from?: number; to?: number; space?: string; person?: string; data: string; postgres?: string }) => {
      const dataDir = existingDataDir(opts.data);
      const filter: ExportFilter = { from: opts.from ?? null, to: opts.to ?? null, space: opts.space ?? null, person: opts.person ?? null };
      const key = loadAuditKey(dataDir, { create: false });
      if (opts.postgres === undefined && !existsSync(join(dataDir, DATABASE_FILE))) {
        throw new InvalidArgumentError(`${dataDir} has no audit journal yet: start the relay on it once`);
      }
      const storage = await openStorage(storageConfig(dataDir, opts.postgres), { readOnly: true });
      const target = resolve(file);
      const summary: ExportSummary = { records: 0, checkpoints: 0 };
      let fd: number | null = null;
      try {
        fd = openSync(target, 'wx', 0o600);
        for await (const line of exportLines(storage.db, filter, key, Date.now(), summary)) writeSync(fd, line);
      } finally {
        if (fd !== null) closeSync(fd);
        await storage.close();
      }
      console.log(`exported ${summary.records} records, ${summary.checkpoints} checkpoints to ${target} (key ${key.fingerprint})`);
    });
  audit
    .command('verify <file>')
    .description('check that an export is complete and unaltered; names the first bad line (needs no data directory)')
    .option('--key <fingerprint>', 'require this key fingerprint (sha256:...), as pinned from `audit key`')
    .action(async (file: string, opts: { key?: string }) => {
      const verifier = new ExportVerifier(opts.key ?? null);
      const lines = createInterface({ input: createReadStream(resolve(file), 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) if (verifier.line(line) !== null) break;
      lines.close();
      const result = verifier.end();
      if (result.ok) {
        console.log(`OK: ${result.records} records, ${result.checkpoints} checkpoints, key ${result.fingerprint}`);
      } else {
        console.log(`FAILED at line ${result.line}: ${result.reason}`);
        process.exitCode = 1;
      }
    });
  audit
    .command('key')
    .description('print the relay\'s audit public key and its fingerprint (give both to your auditors)')
    .addOption(new Option('--data <dir>', 'data directory').default('./data'))
    .option('--out <file>', `also write the public key to <file> (it is ${AUDIT_PUBLIC_KEY_FILE} in the data directory)`)
    .action((opts: { data: string; out?: string }) => {
      const key = loadAuditKey(existingDataDir(opts.data), { create: false });
      if (opts.out !== undefined) writeFileSync(resolve(opts.out), key.publicKeyPem, { flag: 'wx' });
      console.log(`fingerprint ${key.fingerprint}`);
      console.log(key.publicKeyPem.trimEnd());
    });
  registerHoldCommands(program);
}
