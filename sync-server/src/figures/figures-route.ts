// GET /api/figures (Authorization: Bearer <token>): the engagement figures the asking person may
// see (figures-service.ts decides), as JSON (core's FiguresReport; docs/protocol.md, "Figures").
// Why an HTTP endpoint and not a room: what one may see depends on who asks (comms: everything; a
// facilitator: their spaces), and a room has one content for all its readers; the answer is
// computed when asked, from the relay's own records, and never stored anywhere a client writes.
import type { IncomingMessage } from 'node:http';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { TokenBucket, type RateLimit } from '../connection/token-bucket.js';
import { DESKTOP_APP_ORIGIN } from '../http/demo-routes.js';
import { bearerToken, sendJson, type RouteHandler } from '../http/respond.js';
import { MAX_FIGURE_DAYS, type FiguresService } from './figures-service.js';

const CORS = { 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Allow-Headers': 'authorization', 'Access-Control-Max-Age': '600', Vary: 'Origin' };

const appOrigin = (req: IncomingMessage) => req.headers.origin === DESKTOP_APP_ORIGIN;

/**
 * Per person: a report reads every space document it covers, so one person asking in a loop must
 * not keep the relay busy for everyone else. An honest app asks when the screen opens and when the
 * period or space changes.
 */
export const FIGURES_RATE: RateLimit = { perSecond: 0.5, burst: 10 };

export function figuresRoute(verifier: TokenVerifier, service: FiguresService, now: () => number = Date.now): RouteHandler {
  // Bounded by the directory: only verified, active people get a bucket.
  const buckets = new Map<string, TokenBucket>();
  return async (req, res, url) => {
    if (url.pathname !== '/api/figures') return false;
    // The desktop app's pages come from app://hearth; the web client is same-origin. The token is
    // what protects the figures; CORS only lets the desktop app read the answer.
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
    const person = checked.token.personId;
    let bucket = buckets.get(person);
    if (bucket === undefined) buckets.set(person, (bucket = new TokenBucket(FIGURES_RATE)));
    if (!bucket.take()) {
      sendJson(res, 429, { error: 'too many figure requests; try again shortly' });
      return true;
    }
    const daysParam = url.searchParams.get('days');
    const days = daysParam === null ? 28 : Number(daysParam);
    if (!Number.isInteger(days) || days < 1 || days > MAX_FIGURE_DAYS) {
      sendJson(res, 400, { error: `days must be a whole number from 1 to ${MAX_FIGURE_DAYS}` });
      return true;
    }
    const space = url.searchParams.get('space');
    const answer = await service.figures({ person, space, days, until: now() });
    if (!answer.ok) sendJson(res, answer.status, { error: answer.error });
    else sendJson(res, 200, answer.report);
    return true;
  };
}
