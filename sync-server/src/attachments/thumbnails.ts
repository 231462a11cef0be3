// Thumbnails of image attachments, made with sharp (libvips) once per blob and kept beside it in the
// blob store. Why sharp: it decodes and scales in libvips's own threads, off the thread that serves
// sockets, and streams large images instead of holding them whole. A picture bigger than
// THUMBNAIL_LIMITS.inputPixels (a decompression bomb) is refused rather than decoded.
import sharp from 'sharp';
import type { BlobStore } from './blob-store.js';

export const THUMBNAIL_LIMITS = { edge: 480, inputPixels: 100_000_000 } as const;

/** Types sharp can read that the app shows as images (SVG is never rendered: it can carry script). */
const THUMBNAIL_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif', 'image/heic', 'image/tiff']);

export function canThumbnail(mimeType: string): boolean {
  return THUMBNAIL_TYPES.has(mimeType);
}

/** A WebP thumbnail (at most 480 px on its longer side, never enlarged, EXIF orientation applied). */
export async function makeThumbnail(input: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  const options = { limitInputPixels: THUMBNAIL_LIMITS.inputPixels };
  const image = Buffer.isBuffer(input) ? sharp(input, options) : sharp(options);
  const out = image.rotate().resize(THUMBNAIL_LIMITS.edge, THUMBNAIL_LIMITS.edge, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 });
  if (!Buffer.isBuffer(input)) input.pipe(out);
  return out.toBuffer();
}

/** The stored thumbnail of `hash`, made now if there is none yet. */
export async function thumbnailOf(store: BlobStore, hash: string): Promise<void> {
  const key = `thumbs/${hash}.webp`;
  if ((await store.size(key)) !== null) return;
  await store.putBytes(key, await makeThumbnail(store.read(`blobs/${hash}`)));
}
