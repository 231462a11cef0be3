// GET /api/figures (Authorization: Bearer <token>): the engagement figures the asking person may
// see (figures-service.ts decides), as JSON (core's FiguresReport; docs/protocol.md, "Figures").
// Why an HTTP endpoint and not a room: what one may see depends on who asks (comms: everything; a
// facilitator: their spaces), and a room has one content for all its readers; the answer is
// computed when asked, from the relay's own records, and never stored anywhere a client writes.
import type { IncomingMessage } from 'node:http';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { DESKTOP_APP_ORIGIN } from '../http/demo-routes.js';
import { bearerToken, sendJson, type RouteHandler } from '../http/respond.js';
import { MAX_FIGURE_DAYS, type FiguresService } from './figures-service.js';

const CORS = { 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Allow-Headers': 'authorization', 'Access-Control-Max-Age': '600', Vary: 'Origin' };

const appOrigin = (req: IncomingMessage) => req.headers.origin === DESKTOP_APP_ORIGIN;

export function figuresRoute(verifier: TokenVerifier, service: FiguresService, now: () => number = Date.now): RouteHandler {
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
    const daysParam = url.searchParams.get('days');
    const days = daysParam === null ? 28 : Number(daysParam);
    if (!Number.isInteger(days) || days < 1 || days > MAX_FIGURE_DAYS) {
      sendJson(res, 400, { error: `days must be a whole number from 1 to ${MAX_FIGURE_DAYS}` });
      return true;
    }
    const space = url.searchParams.get('space');
    const answer = await service.figures({ person: checked.token.personId, space, days, until: now() });
    if (!answer.ok) sendJson(res, answer.status, { error: answer.error });
    else sendJson(res, 200, answer.report);
    return true;
  };
}
