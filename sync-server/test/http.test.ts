import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_METRICS_TOKEN, fetchMetrics, startTestRelay, tempDataDir } from './helpers.js';
import type { TestRelay } from './helpers.js';

const http = (relay: TestRelay, path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${relay.port}${path}`, init);

/** fetch normalises `..`; a raw request does not. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP routes', () => {
  let relay: TestRelay;
  let demo: TestRelay;
  beforeAll(async () => {
    const web = join(tempDataDir(), 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Hearth</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    relay = await startTestRelay({ web });
    demo = await startTestRelay({ demo: true });
  });
  afterAll(async () => {
    await relay.cleanup();
    await demo.cleanup();
  });

  it('healthz answers ready when the database answers', async () => {
    const res = await http(relay, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', db: 'ok', catchingUp: expect.any(Boolean) as boolean });
  });

  it('metrics are in Prometheus text format', async () => {
    const text = await fetchMetrics(relay);
    for (const name of ['hearth_relay_connections', 'hearth_relay_rooms_loaded', 'hearth_relay_updates_in_total', 'hearth_relay_store_seconds', 'hearth_relay_publications_total']) {
      expect(text).toContain(name);
    }
  });

  it('metrics are not open to whoever reaches the port: off by default, else behind the token or on their own address', async () => {
    const open = await startTestRelay({ metrics: { kind: 'off' } });
    const onItsOwn = await startTestRelay({ metrics: { kind: 'address', host: '127.0.0.1', port: 0 } });
    try {
      const off = await http(open, '/metrics');
      expect(off.status).toBe(404);
      expect(await off.text()).not.toContain('hearth_relay');
      // Behind the token: nothing without it or with a wrong one.
      expect((await http(relay, '/metrics')).status).toBe(401);
      expect((await http(relay, '/metrics', { headers: { authorization: 'Bearer wrong-token-but-long-enough' } })).status).toBe(401);
      expect((await http(relay, '/metrics', { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}x` } })).status).toBe(401);
      expect(await fetchMetrics(relay)).toContain('hearth_relay_connections');
      // On its own address: not on the main port, served on the metrics port.
      expect((await http(onItsOwn, '/metrics')).status).toBe(404);
      expect(onItsOwn.metricsPort).not.toBeNull();
      const own = await fetch(`http://127.0.0.1:${onItsOwn.metricsPort}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('hearth_relay_connections');
      expect((await fetch(`http://127.0.0.1:${onItsOwn.metricsPort}/healthz`)).status).toBe(404);
    } finally {
      await open.cleanup();
      await onItsOwn.cleanup();
    }
    await expect(startTestRelay({ metrics: { kind: 'token', token: 'short' } })).rejects.toThrow(/at least 16/);
  });

  it('demo routes do not exist without --demo', async () => {
    expect((await http(relay, '/api/demo/people')).status).toBe(404);
    expect((await http(relay, '/api/demo/token', { method: 'POST', body: JSON.stringify({ person: 'alice' }) })).status).toBe(404);
  });

  it('demo routes list people and mint tokens for active people only', async () => {
    const people = (await (await http(demo, '/api/demo/people')).json()) as { people: { id: string }[] };
    expect(people.people.map((p) => p.id)).toEqual(expect.arrayContaining(['alice', 'bob']));
    expect(people.people.map((p) => p.id)).not.toContain('dave');
    const ok = await http(demo, '/api/demo/token', { method: 'POST', body: JSON.stringify({ person: 'alice' }) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token).toMatch(/^ey/);
    expect((await http(demo, '/api/demo/token', { method: 'POST', body: JSON.stringify({ person: 'dave' }) })).status).toBe(404);
  });

  it('demo routes answer the relay’s own pages and the desktop app, never a page of another origin', async () => {
    const post = (origin: string) => http(demo, '/api/demo/token', { method: 'POST', body: JSON.stringify({ person: 'alice' }), headers: { origin } });
    // A page anywhere on the web must not mint tokens or read the directory.
    const evil = await post('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await http(demo, '/api/demo/people', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const evilPreflight = await http(demo, '/api/demo/token', { method: 'OPTIONS', headers: { origin: 'http://localhost:9999' } });
    expect(evilPreflight.status).toBe(403);
    // The web client served by the relay (same origin) and the desktop app (app://hearth) may.
    const same = await post(`http://127.0.0.1:${demo.port}`);
    expect(same.status).toBe(200);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await http(demo, '/api/demo/token', { method: 'OPTIONS', headers: { origin: 'app://hearth' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://hearth');
    expect((await post('app://hearth')).headers.get('access-control-allow-origin')).toBe('app://hearth');
  });

  it('admin endpoint needs an admin token', async () => {
    const body = JSON.stringify({ id: 'ops', name: 'Ops' });
    expect((await http(relay, '/admin/space-create', { method: 'POST', body })).status).toBe(401);
    const person = await relay.mintToken('alice');
    expect((await http(relay, '/admin/space-create', { method: 'POST', body, headers: { authorization: `Bearer ${person}` } })).status).toBe(401);
    const admin = await relay.mintAdminToken();
    expect((await http(relay, '/admin/no-such-op', { method: 'POST', body, headers: { authorization: `Bearer ${admin}` } })).status).toBe(404);
    const res = await http(relay, '/admin/space-create', { method: 'POST', body, headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(await relay.host.exists('space/ops')).toBe(true);
  });

  it('serves the web client with content types, CSP and SPA fallback, and never leaves its root', async () => {
    const index = await http(relay, '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const js = await http(relay, '/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await http(relay, '/spaces/general/post/1')).text()).toContain('<title>Hearth</title>');
    expect((await http(relay, '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/..%5c..%5cetc%5cpasswd']) {
      const res = await rawGet(relay.port, path);
      expect(res.body, path).not.toContain('root:');
      expect([404, 200], path).toContain(res.status); // 200 only as the SPA's index.html
    }
    expect((await rawGet(relay.port, '/assets/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });
});
