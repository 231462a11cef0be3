// GET /api/session (Authorization: Bearer <token>): which directory person a token stands for. Why:
// a client signed in through the company identity provider holds a token that names the person by
// e-mail or user name, but opens rooms by Hearth person id (`outbox/<id>`); the relay's verifier —
// the same one every door uses — answers, so client and relay can never disagree about who it is.
import type { TokenVerifier } from '../auth/token-verifier.js';
import { bearerToken, sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

export function sessionRoute(verifier: TokenVerifier): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/api/session') return false;
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'use GET' });
      return true;
    }
    const checked = await verifier.verify(bearerToken(req));
    if (!checked.ok) {
      const status = checked.code === 4403 ? 403 : checked.code === 1013 ? 503 : 401;
      sendJson(res, status, { error: checked.reason });
      return true;
    }
    sendJson(res, 200, { personId: checked.token.personId, expiresAt: checked.token.expiresAt * 1000 });
    return true;
  };
}
