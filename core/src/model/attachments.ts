// Attachments: files on posts, comments and messages, referenced by the SHA-256 of their bytes.
// Why content addressing: the author's device keeps the file under its hash before anything is
// online (the entry can be written offline and names the file exactly), the relay can check that the
// bytes it receives are the ones the entry names, and the same file attached twice is stored once.
// An entry carries only the reference; the bytes travel by the relay's upload endpoint (tus).
import { z } from 'zod';
import type { AttachmentRef } from './types.js';

/** 64 lower-case hex digits: a SHA-256. */
export const BLOB_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Most files on one entry (the policy may allow fewer), and the longest file name kept. */
export const ATTACHMENT_LIMITS = { perEntry: 10, nameChars: 255 } as const;

export const attachmentRefSchema: z.ZodType<AttachmentRef> = z.object({
  hash: z.string().regex(BLOB_HASH_PATTERN),
  // A name is shown and judged by the policy (a confidential term in it is held like text); never a path.
  name: z.string().min(1).max(ATTACHMENT_LIMITS.nameChars).refine((n) => !n.includes('/') && !n.includes('\\') && !n.includes('\u0000'), 'a file name, not a path'),
  mimeType: z.string().min(1).max(255),
  bytes: z.number().int().nonnegative(),
});

export const attachmentListSchema = z.array(attachmentRefSchema).max(ATTACHMENT_LIMITS.perEntry);

/**
 * The attachments of an entry or published item (none when the field is absent). Parsed values
 * carry checked references; on a raw document value only well-formed references are returned.
 */
export function attachmentsOf(item: object | null | undefined): readonly AttachmentRef[] {
  if (item === null || item === undefined || !('attachments' in item)) return [];
  const list = (item as { attachments?: unknown }).attachments;
  if (!Array.isArray(list)) return [];
  return list.filter((a): a is AttachmentRef => attachmentRefSchema.safeParse(a).success);
}

/** A file name with anything that could act as a path removed (the composer keeps the base name). */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.split('\u0000').join('').trim().slice(0, ATTACHMENT_LIMITS.nameChars);
  return cleaned === '' ? 'file' : cleaned;
}

/** How an attachment is shown: as an image, played as a video, or offered as a download. */
export function attachmentKind(mimeType: string): 'image' | 'video' | 'file' {
  const t = mimeType.toLowerCase();
  // SVG can carry script: it is offered as a file, never put in an <img> from a blob URL.
  if (t.startsWith('image/') && t !== 'image/svg+xml') return 'image';
  if (t.startsWith('video/')) return 'video';
  return 'file';
}
