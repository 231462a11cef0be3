// The Electron shell's tooling needs Node.js 22.12 (electron 45's installer); on an older Node the
// launcher says so in one line instead of running an installer that is not meant to work there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchElectron } from './launch-electron.mjs';

describe('launchElectron', () => {
  const roots = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** A checkout with the electron package but without its runtime, and a built main process. */
  function checkout() {
    const root = mkdtempSync(join(tmpdir(), 'hearth-launch-'));
    roots.push(root);
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), '{"name":"electron","version":"45.4.1"}');
    mkdirSync(join(root, 'desktop', 'dist', 'main'), { recursive: true });
    writeFileSync(join(root, 'desktop', 'dist', 'main', 'index.cjs'), '');
    return root;
  }

  it('on Node older than 22.12 says the runtime installer needs 22.12 and downloads nothing', async () => {
    vi.stubEnv('DISPLAY', ':0');
    vi.stubEnv('HEARTH_NO_ELECTRON', '');
    const said = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await launchElectron({ root: checkout(), webUrl: 'http://127.0.0.1:1234/', nodeVersion: '20.19.0' })).toBeNull();
    const lines = said.mock.calls.map((c) => String(c[0]));
    expect(lines).not.toContain('Fetching the Electron runtime (first run)…');
    expect(lines.at(-1)).toBe(
      'Electron desktop app not started: the Electron runtime is not installed, and its installer needs Node.js 22.12 or newer (this is 20.19.0). The web client keeps running at http://127.0.0.1:1234/',
    );
  });
});
