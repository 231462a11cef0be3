// GET /healthz and GET /metrics. Why healthz asks the database: a relay that cannot store must not
// receive traffic (it would refuse every write), so the load balancer takes it out of rotation.
import type { Storage } from '../storage/storage.js';
import { registry } from '../metrics.js';
import { sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

export function healthRoutes(storage: Storage, isStopping: () => boolean): RouteHandler {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/healthz') {
      // A database that answers but cannot store (disk full) is as unready as one that does not answer.
      const db = storage.ping() ? storage.writeStatus() : 'unavailable';
      const ready = db === 'ok' && !isStopping();
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', db });
      return true;
    }
    if (url.pathname === '/metrics') {
      const text = await registry.metrics();
      res.writeHead(200, { 'Content-Type': registry.contentType });
      res.end(text);
      return true;
    }
    return false;
  };
}
