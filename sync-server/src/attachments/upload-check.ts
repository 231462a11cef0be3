// What the relay checks of an uploaded file, before it keeps a single byte of it:
// - at creation, from what the client declares (name, type, length): the relay's own size limit,
//   and the policy's attachment rules (blocked extensions, allowed types, size) — so a file that
//   cannot be kept is refused before it is sent;
// - once complete, from the bytes themselves: the SHA-256 must be the hash the upload named (the
//   entry will reference that hash), and the real type is sniffed from the content (`file-type`),
//   never taken from the name or the client. An executable is refused whatever it is called, and a
//   file whose content is not what its declared type says ("cat.png" that is a Windows program) is
//   refused; the policy's rules are applied again to the sniffed type and the real size.
// The policy's attachment rules are core's (evaluate with one attachment, attachment findings
// only): the composer, the relay's upload and the relay's publication judge alike.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { evaluate, type DistributedPolicy } from '@hearth/core';
import { fileTypeFromFile } from 'file-type';

export type Refusal = { status: number; message: string };

/** Types that are programs (or carry one) on some system: never kept, whatever the policy says. */
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-dosexec',
  'application/x-elf',
  'application/x-executable',
  'application/x-sharedlib',
  'application/x-mach-binary',
  'application/x-msi',
  'application/x-ms-installer',
  'application/vnd.ms-cab-compressed',
  'application/x-apple-diskimage',
  'application/vnd.android.package-archive',
  'application/x-deb',
  'application/x-rpm',
  'application/java-archive',
  'application/wasm',
]);

/** Types that cannot be recognised from their bytes (plain text): the declared type is kept for these. */
const UNSNIFFABLE_TYPES = /^(text\/(plain|csv|markdown|tab-separated-values)|application\/json)$/;

/** Refusal by the policy's attachment rules (hold or reject) of one file, or null. */
export function policyRefusal(policy: DistributedPolicy | null, file: { name: string; mimeType: string; bytes: number }, space: string | null): Refusal | null {
  if (policy === null) return null;
  const kinds = new Map(policy.rules.map((r) => [r.id, r.kind]));
  const verdict = evaluate(policy, { body: '', space, attachments: [file] });
  const blocking = verdict.findings.filter((f) => kinds.get(f.rule) === 'attachments' && (f.severity === 'hold' || f.severity === 'reject'));
  if (blocking.length === 0) return null;
  const first = blocking[0]!;
  const tooLarge = blocking.some((f) => f.detail?.startsWith('a file larger') === true);
  return { status: tooLarge ? 413 : 415, message: `${first.message} (${first.detail ?? 'not allowed'}). ${first.guidance}` };
}

/** The checks possible before any byte arrives. */
export function checkDeclared(file: { name: string; mimeType: string; bytes: number }, maxBytes: number, policy: DistributedPolicy | null, space: string | null): Refusal | null {
  if (file.bytes > maxBytes) return { status: 413, message: `This file is larger than the relay accepts (${maxBytes} bytes).` };
  return policyRefusal(policy, file, space);
}

/**
 * The per-person upload quota: one person may add at most `limit` bytes of new files a rolling day,
 * so one account cannot fill the relay's disk with file after file under the per-file limit.
 */
export function quotaRefusal(usedToday: number, bytes: number, limit: number): Refusal | null {
  if (usedToday + bytes <= limit) return null;
  const mib = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MiB`;
  return { status: 413, message: `You have uploaded ${mib(usedToday)} of files in the last 24 hours; the relay accepts ${mib(limit)} per person a day, so this ${mib(bytes)} file cannot be sent now. Try again later.` };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The type the relay records for a file: sniffed from the bytes, or a refusal. */
export async function sniffType(path: string, declared: string): Promise<{ ok: true; mimeType: string } | ({ ok: false } & Refusal)> {
  const sniffed = (await fileTypeFromFile(path))?.mime as string | undefined;
  const claimed = declared.toLowerCase().split(';', 1)[0]!.trim();
  if (sniffed !== undefined && EXECUTABLE_TYPES.has(sniffed)) return { ok: false, status: 415, message: 'This file is a program; programs cannot be shared.' };
  if (sniffed === undefined) {
    // Nothing recognisable: plain text as declared, anything else as opaque bytes (never shown inline).
    return { ok: true, mimeType: UNSNIFFABLE_TYPES.test(claimed) ? claimed : 'application/octet-stream' };
  }
  // An image, video, audio file or PDF must be one: a mismatch is a renamed file.
  const family = (t: string) => (t === 'application/pdf' ? t : t.split('/', 1)[0]!);
  if (/^(image|video|audio)\//.test(claimed) || claimed === 'application/pdf') {
    if (family(claimed) !== family(sniffed)) return { ok: false, status: 415, message: `This file is not what its name says (it is ${sniffed}, not ${claimed}).` };
  }
  return { ok: true, mimeType: sniffed };
}
