// Why: the window loads the renderer from app://hearth/, never from file:// (which would give the
// page the whole disk as its origin) or from the network. Every request is resolved inside the
// renderer's build folder; anything that would leave it (.., encoded slashes, backslashes, NUL,
// symlinks pointing out) is refused, and every response carries the Content-Security-Policy.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'hearth';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges the scheme is registered with before the app is ready (no bypassCSP). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } as const;

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

export type ResolvedPath = { ok: true; file: string } | { ok: false; status: 403 | 404 };

/** Maps an app:// URL to a file under root, or refuses it. Pure: no file system access. */
export function resolveAppPath(root: string, requestUrl: string): ResolvedPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 404 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 403 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403 };
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const file = path.resolve(root, relative);
  const inside = path.relative(path.resolve(root), file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, file };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppRequest {
  url: string;
  method: string;
}

/** The protocol handler: answers a Response for each app:// request. `csp` is read per request. */
export function createAppProtocolHandler(root: string, csp: () => string): (request: AppRequest) => Promise<Response> {
  const headers = (type: string) => ({
    'content-type': type,
    'content-security-policy': csp(),
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
  });
  const refuse = (status: 403 | 404 | 405) => new Response(null, { status, headers: headers('text/plain') });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return refuse(resolved.status);
    let body: Buffer;
    try {
      // A symlink inside the build folder must not lead out of it.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(resolved.file)]);
      const inside = path.relative(realRoot, realFile);
      if (inside.startsWith('..') || path.isAbsolute(inside)) return refuse(403);
      body = await readFile(realFile);
    } catch {
      return refuse(404);
    }
    const type = CONTENT_TYPES[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
  };
}
