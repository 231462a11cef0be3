// Demo-only sign-in: GET /api/demo/people lists the directory for a picker, POST /api/demo/token
// { person } mints a token for an active person. Why demo-only: anyone reaching these routes can
// become anyone, so they are mounted only with --demo and do not exist otherwise (404).
import type { IncomingMessage } from 'node:http';
import { DIRECTORY_PEOPLE } from '@hearth/core';
import { directoryPerson } from '../auth/access-views.js';
import { mintToken } from '../auth/tokens.js';
import type { DocHost } from '../rooms/doc-host.js';
import { BadRequest, readJsonBody, sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

// Who may call these routes from a page: the web client the relay serves (same origin: no CORS
// header needed) and the desktop app, whose pages come from app://hearth. Why not any origin: a
// token route open to every origin lets any web page a person visits mint tokens for anyone in the
// directory and read the whole directory; a page of another origin is answered 403.
export const DESKTOP_APP_ORIGIN = 'app://hearth';
const CORS = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type',
  'Access-Control-Max-Age': '600',
  Vary: 'Origin',
};

/** 'same' (or no Origin header: not a browser page), 'app', or null for a foreign origin. */
function originKind(req: IncomingMessage): 'same' | 'app' | null {
  const origin = req.headers.origin;
  if (origin === undefined) return 'same';
  if (origin === DESKTOP_APP_ORIGIN) return 'app';
  try {
    return new URL(origin).host === req.headers.host ? 'same' : null;
  } catch {
    return null;
  }
}

export function demoRoutes(host: DocHost, key: Uint8Array): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/api/demo/people' && url.pathname !== '/api/demo/token') return false;
    const origin = originKind(req);
    if (origin === null) {
      sendJson(res, 403, { error: 'origin not allowed' });
      return true;
    }
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (origin === 'app') res.setHeader('Access-Control-Allow-Origin', DESKTOP_APP_ORIGIN);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (url.pathname === '/api/demo/people' && req.method === 'GET') {
      const directory = await host.open('directory');
      const people = [...directory.getMap<unknown>(DIRECTORY_PEOPLE).values()].filter(
        (r) => r !== null && typeof r === 'object' && (r as { status?: unknown }).status === 'active',
      );
      sendJson(res, 200, { people });
      return true;
    }
    if (url.pathname === '/api/demo/token' && req.method === 'POST') {
      try {
        const body = await readJsonBody(req, 4096);
        const person = (body as { person?: unknown }).person;
        if (typeof person !== 'string') throw new BadRequest('person is required');
        const record = directoryPerson(await host.open('directory'), person);
        if (record === null || record.status !== 'active') throw new BadRequest('no such active person', 404);
        sendJson(res, 200, { token: await mintToken(key, person, { ttl: '8h' }), person });
      } catch (err) {
        if (!(err instanceof BadRequest)) throw err;
        sendJson(res, err.status, { error: err.message });
      }
      return true;
    }
    return false;
  };
}
