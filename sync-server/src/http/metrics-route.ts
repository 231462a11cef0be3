// GET /metrics. Why not open to everyone: the figures tell whoever reaches the port how many people
// are connected, how busy the relay is and when its disk fills — reconnaissance an operator expects
// to be private. So /metrics is served either behind a bearer token (`--metrics-token`) on the main
// port, or on its own address (`--metrics-address`, e.g. a management interface); with neither it is
// not served at all. The token is kept only as its SHA-256 digest and compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from '../metrics.js';
import { bearerToken, sendJson } from './respond.js';
import type { RouteHandler } from './respond.js';

/** Shorter tokens are refused at start: a bearer token on an open port must not be guessable. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

export type MetricsAccess = { kind: 'token'; token: string } | { kind: 'address'; host: string; port: number } | { kind: 'off' };

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The /metrics route for the main port: behind the token, or a 404 that says how to turn it on. */
export function metricsRoute(access: MetricsAccess): RouteHandler {
  if (access.kind === 'token' && access.token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new Error(`the metrics token must be at least ${MIN_METRICS_TOKEN_LENGTH} characters`);
  }
  const expected = access.kind === 'token' ? digest(access.token) : null;
  return async (req, res, url) => {
    if (url.pathname !== '/metrics') return false;
    if (expected === null) {
      const error = access.kind === 'address' ? 'metrics are served on the metrics address only' : 'metrics are not served: start the relay with --metrics-token or --metrics-address';
      sendJson(res, 404, { error });
      return true;
    }
    const presented = bearerToken(req);
    if (presented === null || !timingSafeEqual(digest(presented), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="hearth-relay metrics"');
      sendJson(res, 401, { error: 'metrics token required' });
      return true;
    }
    await sendMetrics(res);
    return true;
  };
}

/** A separate HTTP server answering only GET /metrics, for `--metrics-address`. */
export async function startMetricsServer(host: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://relay.invalid').pathname;
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return sendJson(res, 404, { error: 'not found' });
    sendMetrics(res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function sendMetrics(res: ServerResponse): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Parses `--metrics-address` ('127.0.0.1:9464', '[::1]:9464' or a bare port). */
export function parseMetricsAddress(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text.trim()) ?? /^()()(\d+)$/.exec(text.trim());
  const port = m === null ? NaN : Number(m[3]);
  if (m === null || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid metrics address "${text}" (use e.g. 127.0.0.1:9464)`);
  return { host: m[1] || m[2] || '127.0.0.1', port };
}
