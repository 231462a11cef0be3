// Verifies an audit export offline, line by line, with nothing but the file (and, ideally, the key
// fingerprint the auditor pinned). Why line by line: an auditor needs to know *where* an export is
// wrong, so each check names the first line that breaks it. The verifier walks the chain from the
// span's start (genesis, or the signed checkpoint at afterSeq) and recomputes every chain hash:
// - a record line must carry the next seq (a missing or moved line breaks the sequence here), its
//   prevHash must be the running hash, and its hash must be what its content hashes to;
// - a gap line must cover the next seqs, one body hash each, and feeds them into the running hash;
// - a checkpoint line must sign exactly the running (seq, hash), with the export's key;
// - the chain must end at throughSeq on a checkpoint, and the seal must sign the count and SHA-256
//   of every line before it, and be the last line.
// Failures are data: { ok: false, line, reason }.
import { createHash } from 'node:crypto';
import { keyFingerprint, verifyBytes } from './audit-key.js';
import { EXPORT_FORMAT, matchesFilter, sealPayload, type ExportFilter } from './export-format.js';
import { GENESIS_HASH, bodyHash, chainHash, checkpointPayload, isHash } from './record-hash.js';

export type VerifyResult =
  | { ok: true; records: number; checkpoints: number; fingerprint: string; throughSeq: number }
  | { ok: false; line: number; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

class Failure extends Error {
  override name = 'ExportFailure';
}
const fail = (reason: string): never => {
  throw new Failure(reason);
};

export class ExportVerifier {
  private lineNo = 0;
  private readonly seal = createHash('sha256');
  private header: { publicKey: string; fingerprint: string; filter: ExportFilter; afterSeq: number; throughSeq: number } | null = null;
  private seq = 0;
  private hash: string | null = null;
  private lastCheckpointSeq = -1;
  private records = 0;
  private checkpoints = 0;
  private sealed = false;
  private failure: VerifyResult | null = null;

  constructor(private readonly expectedFingerprint: string | null = null) {}

  /** Feeds one line (without its newline). Returns the failure once one occurred, else null. */
  line(text: string): VerifyResult | null {
    if (this.failure !== null) return this.failure;
    this.lineNo++;
    try {
      if (this.sealed) fail('a line follows the seal');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return fail('not a JSON line');
      }
      if (!isObj(value)) fail('not a JSON object');
      this.check(value as Obj);
      if ((value as Obj).type !== 'seal') this.seal.update(`${text}\n`, 'utf8');
      return null;
    } catch (err) {
      if (!(err instanceof Failure)) throw err;
      this.failure = { ok: false, line: this.lineNo, reason: err.message };
      return this.failure;
    }
  }

  /** The verdict once every line was fed. */
  end(): VerifyResult {
    if (this.failure !== null) return this.failure;
    if (this.header === null) return { ok: false, line: 1, reason: 'empty file: no header' };
    if (!this.sealed) return { ok: false, line: this.lineNo + 1, reason: 'the export ends without its seal: lines are missing at the end' };
    return { ok: true, records: this.records, checkpoints: this.checkpoints, fingerprint: this.header.fingerprint, throughSeq: this.header.throughSeq };
  }

  private check(v: Obj): void {
    if (this.header === null) return this.readHeader(v);
    switch (v.type) {
      case 'checkpoint':
        return this.readCheckpoint(v);
      case 'record':
        return this.readRecord(v);
      case 'gap':
        return this.readGap(v);
      case 'seal':
        return this.readSeal(v);
      default:
        return fail(`unknown line type ${JSON.stringify(v.type)}`);
    }
  }

  private readHeader(v: Obj): void {
    if (v.type !== 'header' || v.format !== EXPORT_FORMAT) fail(`not a Hearth audit export (the first line must be its header)`);
    if (v.version !== 1) fail(`unsupported export version ${String(v.version)}`);
    const f = v.filter;
    if (typeof v.publicKey !== 'string' || !isInt(v.afterSeq) || !isInt(v.throughSeq) || v.afterSeq < 0 || v.throughSeq < v.afterSeq || !isObj(f)) fail('malformed header');
    let fingerprint = '';
    try {
      fingerprint = keyFingerprint(v.publicKey as string);
    } catch {
      fail('the header\'s public key cannot be read');
    }
    if (v.keyFingerprint !== fingerprint) fail(`the header's key fingerprint does not match its public key (${fingerprint})`);
    if (this.expectedFingerprint !== null && fingerprint !== this.expectedFingerprint) fail(`signed with key ${fingerprint}, not the expected ${this.expectedFingerprint}`);
    const filter = f as Obj;
    const num = (x: unknown) => (isInt(x) ? x : x === null ? null : fail('malformed filter'));
    const str = (x: unknown) => (isStrOrNull(x) ? x : fail('malformed filter'));
    this.header = {
      publicKey: v.publicKey as string,
      fingerprint,
      filter: { from: num(filter.from), to: num(filter.to), space: str(filter.space), person: str(filter.person) },
      afterSeq: v.afterSeq as number,
      throughSeq: v.throughSeq as number,
    };
    this.seq = this.header.afterSeq;
    this.hash = this.seq === 0 ? GENESIS_HASH : null;
  }

  private readCheckpoint(v: Obj): void {
    const h = this.header!;
    if (!isInt(v.seq) || !isHash(v.hash) || !isInt(v.at) || typeof v.signature !== 'string') fail('malformed checkpoint');
    const c = { seq: v.seq as number, hash: v.hash as string, at: v.at as number };
    if (!verifyBytes(h.publicKey, checkpointPayload(c), v.signature as string)) fail(`checkpoint at record ${c.seq}: the signature does not verify with key ${h.fingerprint}`);
    if (c.seq !== this.seq) fail(`checkpoint at record ${c.seq} where the chain is at record ${this.seq}: lines are missing or out of order`);
    // The first checkpoint of an export starting after seq 0 gives the chain its starting hash.
    if (this.hash === null) this.hash = c.hash;
    else if (c.hash !== this.hash) fail(`checkpoint at record ${c.seq} does not match the chain: a record before it was altered`);
    this.lastCheckpointSeq = c.seq;
    this.checkpoints++;
  }

  private running(): string {
    return this.hash ?? fail('the export starts after record 0 but does not begin with the checkpoint there');
  }

  private readRecord(v: Obj): void {
    const prev = this.running();
    if (!isInt(v.seq)) fail('malformed record: no seq');
    if (v.seq !== this.seq + 1) fail(`expected record ${this.seq + 1}, found record ${String(v.seq)}: a line is missing or out of order`);
    if (!isInt(v.at) || typeof v.kind !== 'string' || typeof v.actor !== 'string' || !isStrOrNull(v.space) || !isStrOrNull(v.person) || !isStrOrNull(v.entry) || !isObj(v.details)) {
      fail(`malformed record ${v.seq as number}`);
    }
    if (v.prevHash !== prev) fail(`record ${v.seq as number} does not follow the record before it (prevHash differs): a record was altered, removed or inserted`);
    const body = { at: v.at as number, kind: v.kind as string, actor: v.actor as string, space: v.space as string | null, person: v.person as string | null, entry: v.entry as string | null, details: v.details as Obj };
    const hash = chainHash(v.seq as number, prev, bodyHash(body));
    if (v.hash !== hash) fail(`record ${v.seq as number} was altered: its content does not match its hash`);
    if (!matchesFilter(this.header!.filter, body)) fail(`record ${v.seq as number} is outside the export's filter`);
    this.seq = v.seq as number;
    this.hash = hash;
    this.records++;
  }

  private readGap(v: Obj): void {
    let hash = this.running();
    if (!isInt(v.fromSeq) || !isInt(v.toSeq) || !Array.isArray(v.bodyHashes)) fail('malformed gap');
    if (v.fromSeq !== this.seq + 1) fail(`expected record ${this.seq + 1}, found a gap from record ${String(v.fromSeq)}: a line is missing or out of order`);
    const hashes = v.bodyHashes as unknown[];
    if ((v.toSeq as number) - (v.fromSeq as number) + 1 !== hashes.length || hashes.length === 0) fail('gap: the number of hashes does not match its records');
    let seq = this.seq;
    for (const b of hashes) {
      if (!isHash(b)) fail('gap: malformed hash');
      seq++;
      hash = chainHash(seq, hash, b as string);
    }
    this.seq = seq;
    this.hash = hash;
  }

  private readSeal(v: Obj): void {
    const h = this.header!;
    if (this.seq !== h.throughSeq) fail(`the chain stops at record ${this.seq}, the header announces record ${h.throughSeq}: lines are missing`);
    if (h.throughSeq > 0 && this.lastCheckpointSeq !== h.throughSeq) fail(`the last records (to ${h.throughSeq}) are not covered by a signed checkpoint`);
    if (!isInt(v.lines) || typeof v.sha256 !== 'string' || typeof v.signature !== 'string') fail('malformed seal');
    if (!verifyBytes(h.publicKey, sealPayload(v.lines as number, v.sha256 as string), v.signature as string)) fail('the seal\'s signature does not verify');
    if (v.lines !== this.lineNo - 1 || v.sha256 !== this.seal.digest('hex')) fail('the seal does not match the lines before it: a line was altered, added or removed');
    this.sealed = true;
  }
}

/** Verifies a whole export held in memory (tests; the CLI streams through ExportVerifier). */
export function verifyExport(text: string, expectedFingerprint: string | null = null): VerifyResult {
  const v = new ExportVerifier(expectedFingerprint);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const l of lines) if (v.line(l) !== null) break;
  return v.end();
}
