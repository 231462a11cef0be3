// GET /api/search?q=<words>&limit=<n> (Authorization: Bearer <token>): the relay's full-text search
// over published posts and comments, for what is not on the person's device (older time buckets).
// Only items the asking person may read are answered: spaces that are public or that they read as a
// member or facilitator (the same rule as opening the space's rooms, auth/authorize.ts), published
// and not hidden by a moderator. Why the spaces are decided here and passed down: the index knows
// nothing of people, and a space one may not read must never reach the query at all.
import type { IncomingMessage } from 'node:http';
import { parseRoomName, roomName } from '@hearth/core';
import { directoryPerson, spaceAccess } from '../auth/access-views.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { DESKTOP_APP_ORIGIN } from '../http/demo-routes.js';
import { bearerToken, sendJson, type RouteHandler } from '../http/respond.js';
import type { DocHost } from '../rooms/doc-host.js';
import type { SearchHit, SearchIndex } from '../storage/search-index.js';

export const MAX_QUERY_CHARS = 200;
export const MAX_RESULTS = 50;
/** Characters of a body sent back (the client shows a snippet and opens the item's bucket for the rest). */
const BODY_CHARS = 280;

const CORS = { 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Allow-Headers': 'authorization', 'Access-Control-Max-Age': '600', Vary: 'Origin' };
const appOrigin = (req: IncomingMessage) => req.headers.origin === DESKTOP_APP_ORIGIN;

export interface SearchResult {
  id: string;
  kind: 'post' | 'comment';
  space: string;
  /** The time bucket the item lives in ('yyyy-mm'); open `space/<space>/<bucket>` to read it whole. */
  bucket: string | null;
  post: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: number;
}

/** The spaces `person` may read: public ones for every active person, others as member or facilitator. */
export async function readableSpaces(host: DocHost, person: string): Promise<string[]> {
  const me = directoryPerson(await host.open('directory'), person);
  if (me?.status !== 'active') return [];
  const out: string[] = [];
  for (const room of await host.listRooms('space/')) {
    const name = parseRoomName(room);
    if (name?.kind !== 'space') continue;
    const access = spaceAccess(await host.open(roomName(name)));
    if (access.exists && (access.visibility === 'public' || access.readers.has(person))) out.push(name.space);
  }
  return out;
}

function result(hit: SearchHit): SearchResult {
  const room = parseRoomName(hit.room);
  return {
    id: hit.itemId,
    kind: hit.kind,
    space: hit.space,
    bucket: room?.kind === 'bucket' ? room.bucket : null,
    post: hit.post,
    title: hit.title,
    body: hit.body.length > BODY_CHARS ? `${hit.body.slice(0, BODY_CHARS)}…` : hit.body,
    authorId: hit.authorId,
    createdAt: hit.createdAt,
  };
}

export function searchRoute(verifier: TokenVerifier, host: DocHost, index: SearchIndex): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/api/search') return false;
    if (appOrigin(req)) {
      for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
      res.setHeader('Access-Control-Allow-Origin', DESKTOP_APP_ORIGIN);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'use GET' });
      return true;
    }
    const checked = await verifier.verify(bearerToken(req));
    if (!checked.ok) {
      sendJson(res, checked.code === 4403 ? 403 : checked.code === 1013 ? 503 : 401, { error: checked.reason });
      return true;
    }
    const q = url.searchParams.get('q') ?? '';
    if (q.trim() === '' || q.length > MAX_QUERY_CHARS) {
      sendJson(res, 400, { error: `q must be 1 to ${MAX_QUERY_CHARS} characters` });
      return true;
    }
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam === null ? 20 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS) {
      sendJson(res, 400, { error: `limit must be a whole number from 1 to ${MAX_RESULTS}` });
      return true;
    }
    const spaces = await readableSpaces(host, checked.token.personId);
    const hits = await index.query(q, spaces, limit);
    sendJson(res, 200, { results: hits.map(result) });
    return true;
  };
}
