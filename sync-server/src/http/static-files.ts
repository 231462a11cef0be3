// Static files of the web client (--web DIR). Why so careful: this is the relay's one route that
// touches the file system with a path from the request. The path is decoded once, resolved inside
// the root and refused if it leaves it (or contains NUL); unknown paths without an extension fall
// back to index.html for the SPA's own routing (never under /api or /admin). A Content-Security-Policy limits what the page may
// load to the relay itself.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { RouteHandler } from './respond.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Attachments: a video plays from the device's copy (blob:) or streams from a relay (byte ranges).
  "media-src 'self' blob: http: https:",
  "font-src 'self'",
  // The person may point the client at another relay (ws/wss, and http/https for its token route).
  "connect-src 'self' ws: wss: http: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API paths never fall back to the SPA: a missing route must stay a 404. */
const NO_FALLBACK = /^\/(api|admin)(\/|$)/;

export class WebClientMissing extends Error {
  override name = 'WebClientMissing';
}

/** The route; throws WebClientMissing when `webDir` holds no index.html (a wrong or unbuilt --web). */
export function staticFiles(webDir: string): RouteHandler {
  const root = resolve(webDir);
  // Checked once at start: a relay told to serve the web client must not start without one.
  if (!existsSync(join(root, 'index.html'))) {
    throw new WebClientMissing(`--web ${root}: ${existsSync(root) ? 'there is no index.html in it' : 'no such folder'} (build the web client with \`npm run build -w @hearth/desktop\`; it lands in desktop/dist/web)`);
  }
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    if (path.includes('\0')) return false;
    const target = resolve(root, `.${path}`);
    if (target !== root && !target.startsWith(root + sep)) return false;
    let file = await regularFile(target === root ? join(root, 'index.html') : target);
    if (file === null && extname(path) === '' && !NO_FALLBACK.test(path)) file = await regularFile(join(root, 'index.html'));
    if (file === null) return false;
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const isHtml = type.startsWith('text/html');
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String((await stat(file)).size),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}

async function regularFile(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}
