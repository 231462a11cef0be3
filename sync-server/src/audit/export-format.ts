// The lines of an audit export (JSON Lines, one object per line, each with a `type`), shared by
// the writer and the verifier. Why this shape — see docs/moderation.md "Records for auditors":
//   header      format, filter, the public key and its fingerprint, the chain span afterSeq..throughSeq
//   checkpoint  a signed (seq, hash, at); placed right after the record or gap that reaches its seq;
//               when afterSeq > 0 the first line after the header is the checkpoint at afterSeq
//   record      a journal record in full, with its prevHash and hash
//   gap         records left out by the filter: their seqs and body hashes only, so the verifier
//               still recomputes the chain through them without learning what they say
//   seal        the count and SHA-256 of every line before it, signed: nothing was cut or added
import { canonicalJson } from '@hearth/core';

export const EXPORT_FORMAT = 'hearth-audit-export';
export const EXPORT_VERSION = 1;
/** A gap line holds at most this many body hashes (keeps lines a few hundred KB at most). */
export const GAP_CHUNK = 4096;

export interface ExportFilter {
  /** Inclusive, ms since the epoch. */
  from: number | null;
  /** Exclusive. */
  to: number | null;
  space: string | null;
  /** Records whose actor or person is this person. */
  person: string | null;
}

export interface HeaderLine {
  type: 'header';
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: number;
  filter: ExportFilter;
  publicKey: string;
  keyFingerprint: string;
  afterSeq: number;
  throughSeq: number;
}

export interface CheckpointLine {
  type: 'checkpoint';
  seq: number;
  hash: string;
  at: number;
  signature: string;
}

export interface RecordLine {
  type: 'record';
  seq: number;
  at: number;
  kind: string;
  actor: string;
  space: string | null;
  person: string | null;
  entry: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface GapLine {
  type: 'gap';
  fromSeq: number;
  toSeq: number;
  bodyHashes: string[];
}

export interface SealLine {
  type: 'seal';
  lines: number;
  sha256: string;
  signature: string;
}

export function matchesFilter(filter: ExportFilter, r: { at: number; space: string | null; person: string | null; actor: string }): boolean {
  if (filter.from !== null && r.at < filter.from) return false;
  if (filter.to !== null && r.at >= filter.to) return false;
  if (filter.space !== null && r.space !== filter.space) return false;
  if (filter.person !== null && r.person !== filter.person && r.actor !== filter.person) return false;
  return true;
}

/** The bytes the seal's signature covers. */
export function sealPayload(lines: number, sha256: string): Buffer {
  return Buffer.from(canonicalJson({ lines, sha256 }), 'utf8');
}
