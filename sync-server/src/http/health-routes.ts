// GET /healthz (GET /metrics is in metrics-route.ts: it is not public). Why healthz asks the
// database: a relay that cannot store must not receive traffic (it would refuse every write), so the
// load balancer takes it out of rotation.
import type { Storage } from '../storage/storage.js';
import { sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

/**
 * `catchingUp`: true while a fresh start still publishes what was stored while it was down. The
 * relay is ready then (it listens, stores and serves), so the answer stays 200 and load balancers
 * keep it; the flag is for operators and dashboards.
 */
export function healthRoutes(storage: Storage, isStopping: () => boolean, catchingUp: () => boolean = () => false): RouteHandler {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/healthz') {
      // A database that answers but cannot store (disk full) is as unready as one that does not answer.
      const db = (await storage.ping()) ? await storage.writeStatus() : 'unavailable';
      const ready = db === 'ok' && !isStopping();
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', db, catchingUp: catchingUp() });
      return true;
    }
    return false;
  };
}
