// Writes an audit export from the journal: the lines of export-format.ts, as a generator so a
// large export streams to its file. Why the span is wider than the filter: the chain is proved
// from a signed checkpoint before the first included record (or the genesis) to a signed
// checkpoint at or after the last one, so nothing at either end can be cut unnoticed; records in
// that span the filter leaves out become gap lines. The exporter only reads the database (safe
// while the relay runs); the checkpoint it signs at export time lives only in the file. Records are
// read in pages of PAGE by seq, so a journal of any length streams in bounded memory.
import { createHash } from 'node:crypto';
import { signBytes, type AuditKey } from './audit-key.js';
import { CheckpointReader, signCheckpoint, type Checkpoint } from './checkpoints.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  GAP_CHUNK,
  matchesFilter,
  sealPayload,
  type CheckpointLine,
  type ExportFilter,
  type GapLine,
  type HeaderLine,
  type RecordLine,
  type SealLine,
} from './export-format.js';
import { journalHead, recordOfRow, type AuditRecord } from './journal.js';
import type { Db } from '../storage/schema.js';

export interface ExportSummary {
  records: number;
  checkpoints: number;
}

const PAGE = 1000;

/** The journal's rows with afterSeq < seq <= throughSeq, in order, a page at a time. */
async function* journalRows(db: Db, afterSeq: number, throughSeq: number) {
  let from = afterSeq;
  while (from < throughSeq) {
    const rows = await db.selectFrom('audit_journal').selectAll().where('seq', '>', from).where('seq', '<=', throughSeq).orderBy('seq').limit(PAGE).execute();
    if (rows.length === 0) return;
    yield* rows;
    from = rows[rows.length - 1]!.seq;
  }
}

export async function* exportLines(db: Db, filter: ExportFilter, key: AuditKey, now: number, summary: ExportSummary = { records: 0, checkpoints: 0 }): AsyncGenerator<string> {
  const stored = await journalHead(db);
  const head = stored.seq === 0 ? null : stored;
  const checkpoints = new CheckpointReader(db);
  // The span of included records (one pass over the index-less filter; fine at journal sizes).
  let lo = 0;
  let hi = 0;
  for await (const row of journalRows(db, 0, head?.seq ?? 0)) {
    if (!matchesFilter(filter, row)) continue;
    if (lo === 0) lo = row.seq;
    hi = row.seq;
  }
  const start = lo === 0 ? null : await checkpoints.lastBefore(lo);
  const afterSeq = start?.seq ?? (lo === 0 ? (head?.seq ?? 0) : 0);
  const storedEnd = hi === 0 ? null : await checkpoints.firstFrom(hi);
  const end: Checkpoint | null = storedEnd ?? (head === null ? null : signCheckpoint(key, head, now));
  const throughSeq = lo === 0 ? afterSeq : (end?.seq ?? 0);

  const seal = createHash('sha256');
  let count = 0;
  const line = (value: HeaderLine | CheckpointLine | RecordLine | GapLine): string => {
    const text = `${JSON.stringify(value)}\n`;
    seal.update(text, 'utf8');
    count++;
    return text;
  };
  const checkpointLine = (c: Checkpoint): string => {
    summary.checkpoints++;
    return line({ type: 'checkpoint', seq: c.seq, hash: c.hash, at: c.at, signature: c.signature });
  };

  yield line({ type: 'header', format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, filter, publicKey: key.publicKeyPem, keyFingerprint: key.fingerprint, afterSeq, throughSeq });
  if (afterSeq > 0) yield checkpointLine(start ?? signCheckpoint(key, head ?? { seq: 0, hash: '' }, now));

  const inSpan = throughSeq > afterSeq ? await checkpoints.between(afterSeq, throughSeq) : [];
  let nextCheckpoint = 0;
  let gap: GapLine | null = null;
  const flushGap = function* (): Generator<string> {
    if (gap !== null) yield line(gap);
    gap = null;
  };
  for await (const row of journalRows(db, afterSeq, throughSeq)) {
    const record: AuditRecord = recordOfRow(row);
    if (matchesFilter(filter, record)) {
      yield* flushGap();
      const { bodyHash: _b, ...rest } = record;
      summary.records++;
      yield line({ type: 'record', ...rest });
    } else {
      if (gap === null || gap.bodyHashes.length >= GAP_CHUNK) {
        yield* flushGap();
        gap = { type: 'gap', fromSeq: record.seq, toSeq: record.seq, bodyHashes: [] };
      }
      gap.toSeq = record.seq;
      gap.bodyHashes.push(record.bodyHash);
    }
    while (nextCheckpoint < inSpan.length && inSpan[nextCheckpoint]!.seq === record.seq) {
      yield* flushGap();
      yield checkpointLine(inSpan[nextCheckpoint++]!);
    }
  }
  yield* flushGap();
  // The export-time checkpoint, when no stored one covers the last included record.
  if (storedEnd === null && end !== null && throughSeq > afterSeq) yield checkpointLine(end);

  const digest = seal.digest('hex');
  const sealLine: SealLine = { type: 'seal', lines: count, sha256: digest, signature: signBytes(key, sealPayload(count, digest)) };
  yield `${JSON.stringify(sealLine)}\n`;
}
