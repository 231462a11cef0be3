// How a journal record is hashed, in one place, because the relay that appends, the exporter and
// an auditor's `verify` must agree byte for byte. Why two levels: a record's *body hash* covers its
// content (at, kind, actor, space, person, entry, details) and its *chain hash* covers (seq,
// prevHash, bodyHash). A filtered export can then stand in for a record it leaves out with its body
// hash alone — the verifier still recomputes every chain hash up to a signed checkpoint — without
// revealing what the record says. Canonical JSON (core's canonicalJson: keys sorted, no
// whitespace) gives one spelling per record; hashes are lowercase hex SHA-256 of its UTF-8 bytes.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@hearth/core';

/** The prevHash of the first record (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

/** The content of a record, everything but its place in the chain. */
export interface RecordBody {
  at: number;
  kind: string;
  actor: string;
  space: string | null;
  person: string | null;
  entry: string | null;
  details: Record<string, unknown>;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function bodyHash(body: RecordBody): string {
  const { at, kind, actor, space, person, entry, details } = body;
  return sha256Hex(canonicalJson({ at, kind, actor, space, person, entry, details }));
}

export function chainHash(seq: number, prevHash: string, body: string): string {
  return sha256Hex(canonicalJson({ seq, prevHash, bodyHash: body }));
}

/** The bytes a checkpoint signature covers. */
export function checkpointPayload(c: { seq: number; hash: string; at: number }): Buffer {
  return Buffer.from(canonicalJson({ seq: c.seq, hash: c.hash, at: c.at }), 'utf8');
}

export const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
