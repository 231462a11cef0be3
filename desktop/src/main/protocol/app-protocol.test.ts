import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol.js';

let base: string;
let root: string;
let handle: ReturnType<typeof createAppProtocolHandler>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'hearth-protocol-'));
  root = path.join(base, 'web');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Hearth</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'token=hunter2');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler(root, () => "default-src 'none'");
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string) => handle({ url, method: 'GET' });

describe('app:// protocol', () => {
  it('serves the renderer with its type, the CSP and nosniff', async () => {
    const res = await get('app://hearth/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Hearth</title>');
    expect((await get('app://hearth/')).status).toBe(200);
    expect((await get('app://hearth/assets/app.js')).headers.get('content-type')).toContain('javascript');
  });

  it.each([
    'app://hearth/../secret.txt',
    'app://hearth/%2e%2e/secret.txt',
    'app://hearth/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://hearth/assets/..%5c..%5csecret.txt',
    'app://hearth/assets/%00index.html',
    'app://other/index.html',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('hunter2');
  });

  it('refuses a symlink that leads out of the renderer folder', async () => {
    const res = await get('app://hearth/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('hunter2');
  });

  it('answers 404 for a missing file and 405 for anything but GET/HEAD', async () => {
    expect((await get('app://hearth/nope.js')).status).toBe(404);
    expect((await handle({ url: 'app://hearth/index.html', method: 'POST' })).status).toBe(405);
  });

  it('resolves paths without touching the disk', () => {
    expect(resolveAppPath('/srv/web', 'app://hearth/a/b.js')).toEqual({ ok: true, file: path.resolve('/srv/web/a/b.js') });
    // The URL parser folds dot segments (also encoded ones) at the root: what remains stays inside.
    expect(resolveAppPath('/srv/web', 'app://hearth/a/%2e%2e/%2e%2e/x')).toEqual({ ok: true, file: path.resolve('/srv/web/x') });
    // Encoded slashes survive the parser and are decoded here: refused.
    expect(resolveAppPath('/srv/web', 'app://hearth/a/..%2f..%2fx')).toEqual({ ok: false, status: 403 });
  });
});
