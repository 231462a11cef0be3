// GET/HEAD /api/blobs/<sha256> and /api/blobs/<sha256>/thumbnail: an attachment's bytes, to people
// who may read an item that references it (blob-access.ts); anyone else gets 404, as for a blob that
// does not exist. Single byte ranges (`Range: bytes=a-b`) are answered 206, so video seeks and
// streams. The token comes as `Authorization: Bearer …` or, for <video src> and <img src> that cannot
// send headers, as `?token=` (as on the WebSocket URL).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { BLOB_HASH_PATTERN } from '@hearth/core';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { DocHost } from '../rooms/doc-host.js';
import { DESKTOP_APP_ORIGIN } from '../http/demo-routes.js';
import { bearerToken, sendJson } from '../http/respond.js';
import type { RouteHandler } from '../http/respond.js';
import { mayRead } from './blob-access.js';
import type { BlobRecords } from './blob-records.js';
import type { BlobStore } from './blob-store.js';
import { canThumbnail, thumbnailOf } from './thumbnails.js';

export const BLOB_PATH = '/api/blobs/';

/** The one range of a `Range` header, clamped to the blob; 'unsatisfiable', or null for the whole blob. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (m === null) return null; // several ranges or another unit: the whole blob (allowed by RFC 9110)
  const [, a, b] = m as unknown as [string, string, string];
  if (a === '' && b === '') return null;
  let start: number;
  let end: number;
  if (a === '') {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export function blobRoute(o: { host: DocHost; verifier: TokenVerifier; store: BlobStore; records: BlobRecords }): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!url.pathname.startsWith(BLOB_PATH)) return false;
    if (req.headers.origin === DESKTOP_APP_ORIGIN) {
      res.setHeader('Access-Control-Allow-Origin', DESKTOP_APP_ORIGIN);
      res.setHeader('Access-Control-Allow-Headers', 'authorization, range');
      res.setHeader('Access-Control-Expose-Headers', 'content-length, content-range, accept-ranges');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' });
      res.end();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'use GET' });
      return true;
    }
    const [hash = '', variant, ...rest] = url.pathname.slice(BLOB_PATH.length).split('/');
    if (!BLOB_HASH_PATTERN.test(hash) || rest.length > 0 || (variant !== undefined && variant !== 'thumbnail')) {
      sendJson(res, 404, { error: 'not found' });
      return true;
    }
    const checked = await o.verifier.verify(bearerToken(req) ?? url.searchParams.get('token'));
    if (!checked.ok) {
      sendJson(res, checked.code === 4403 ? 403 : checked.code === 1013 ? 503 : 401, { error: checked.reason });
      return true;
    }
    const facts = (await o.records.facts([hash])).get(hash);
    if (facts === undefined || !(await mayRead(o.host, o.records, checked.token.personId, hash))) {
      sendJson(res, 404, { error: 'not found' });
      return true;
    }
    let key = `blobs/${hash}`;
    let type = facts.mimeType;
    if (variant === 'thumbnail') {
      if (!canThumbnail(facts.mimeType)) {
        sendJson(res, 404, { error: 'no thumbnail for this type' });
        return true;
      }
      try {
        await thumbnailOf(o.store, hash);
      } catch {
        sendJson(res, 422, { error: 'this image cannot be read' });
        return true;
      }
      key = `thumbs/${hash}.webp`;
      type = 'image/webp';
    }
    const size = await o.store.size(key);
    if (size === null) {
      sendJson(res, 404, { error: 'not found' });
      return true;
    }
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Accept-Ranges': 'bytes',
      ETag: `"${hash}${variant === undefined ? '' : '-t'}"`,
      // Content-addressed, but access can end (removed from a space): revalidate rather than cache publicly.
      'Cache-Control': 'private, no-cache',
      // Never run as a page of the relay's origin, whatever the bytes are.
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Content-Disposition': /^(image|video|audio)\//.test(type) && type !== 'image/svg+xml' ? 'inline' : 'attachment',
    };
    if (req.headers['if-none-match'] === headers.ETag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
      res.end();
      return true;
    }
    if (range === null) res.writeHead(200, { ...headers, 'Content-Length': size });
    else res.writeHead(206, { ...headers, 'Content-Length': range.end - range.start + 1, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await pipeline(o.store.read(key, range ?? undefined), res).catch(() => res.destroy());
    return true;
  };
}
