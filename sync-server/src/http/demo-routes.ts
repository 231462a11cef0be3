// Demo-only sign-in: GET /api/demo/people lists the directory for a picker, POST /api/demo/token
// { person } mints a token for an active person. Why demo-only: anyone reaching these routes can
// become anyone, so they are mounted only with --demo and do not exist otherwise (404).
import { DIRECTORY_PEOPLE } from '@hearth/core';
import { directoryPerson } from '../auth/access-views.js';
import { mintToken } from '../auth/tokens.js';
import type { DocHost } from '../rooms/doc-host.js';
import { BadRequest, readJsonBody, sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

// The desktop app's pages come from its own origin (app://, or a dev server), so the demo routes
// answer cross-origin requests; they are demo-only, so any origin may use them.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type',
  'Access-Control-Max-Age': '600',
};

export function demoRoutes(host: DocHost, key: Uint8Array): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/api/demo/people' && url.pathname !== '/api/demo/token') return false;
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
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
