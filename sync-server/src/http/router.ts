// Runs the relay's HTTP routes in order; the first that answers wins, otherwise 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

export function router(routes: RouteHandler[], logger: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://relay.invalid');
      for (const route of routes) if (await route(req, res, url)) return;
      sendJson(res, 404, { error: 'not found' });
    })().catch((err: unknown) => {
      logger.error({ err, url: req.url }, 'http route failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
}
