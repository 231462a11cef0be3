// POST /admin/<operation>: the running relay's door for the CLI's admin subcommands. Why a token
// with `adm: true` signed by the relay's own key: whoever can read the data directory (the operator
// running the CLI on the relay's host) can mint one; nobody else can, and person tokens never pass.
import { adminOperations } from '../admin/registry.js';
import type { AdminContext } from '../admin/registry.js';
import { verifyToken } from '../auth/tokens.js';
import type { Logger } from '../log.js';
import { BadRequest, bearerToken, readJsonBody, sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

const MAX_ADMIN_BODY = 16 * 1024 * 1024;

export function adminRoute(key: Uint8Array, context: AdminContext, logger: Logger): RouteHandler {
  return async (req, res, url) => {
    const m = /^\/admin\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)$/.exec(url.pathname);
    if (m === null) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'use POST' });
      return true;
    }
    const checked = await verifyToken(key, bearerToken(req));
    if (!checked.ok || !checked.token.admin) {
      sendJson(res, 401, { error: 'admin token required' });
      return true;
    }
    const name = m[1]!;
    const operation = Object.hasOwn(adminOperations, name) ? adminOperations[name] : undefined;
    if (operation === undefined) {
      sendJson(res, 404, { error: `unknown operation ${name}` });
      return true;
    }
    try {
      const body = await readJsonBody(req, MAX_ADMIN_BODY);
      const result = await operation(context, body);
      logger.info({ operation: name, actor: checked.token.personId, ok: result.ok }, 'admin operation');
      sendJson(res, result.ok ? 200 : 400, result);
    } catch (err) {
      if (err instanceof BadRequest) sendJson(res, err.status, { ok: false, error: err.message });
      else {
        logger.error({ err, operation: name }, 'admin operation failed');
        sendJson(res, 500, { ok: false, error: 'internal error' });
      }
    }
    return true;
  };
}
