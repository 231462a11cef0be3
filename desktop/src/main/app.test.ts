// The wiring, with Electron replaced by a test double: what the real entry does with the Electron
// objects it is given. The pieces are tested in their own modules; this checks they are connected.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../shared/ipc-contract.js';
import { startApp } from './app.js';
import type { ElectronMain } from './electron-seam.js';
import type { PolicyReaderDeps } from './policy/read-policy.js';
import { hardenedWebPreferences } from './security/web-preferences.js';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

function fakeElectron(userData: string, options: { lock?: boolean; packaged?: boolean } = {}) {
  const appListeners = new Map<string, Fn>();
  const ipc = new Map<string, Fn>();
  const windows: FakeWindow[] = [];
  const calls: string[] = [];
  let protocolHandler: Fn | null = null;
  let privileged: unknown = null;
  let permissionRequest: Fn | null = null;

  class FakeWindow {
    listeners = new Map<string, Fn>();
    contentsListeners = new Map<string, Fn>();
    sent: [string, unknown][] = [];
    loaded: string | null = null;
    webContents = {
      id: 41,
      on: (event: string, l: Fn) => this.contentsListeners.set(event, l),
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      reload: vi.fn(),
    };
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    once = (event: string, l: Fn) => this.listeners.set(event, l);
    on = (event: string, l: Fn) => this.listeners.set(event, l);
    loadURL = async (url: string) => void (this.loaded = url);
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => {};
    show = () => {};
    focus = () => {};
    setOverlayIcon = vi.fn();
  }
  class FakeTray {
    setToolTip = vi.fn();
    setContextMenu = vi.fn();
    on = vi.fn();
  }
  const electron = {
    app: {
      isPackaged: options.packaged ?? false,
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: () => calls.push('quit'),
      exit: () => calls.push('exit'),
      on: (event: string, l: Fn) => appListeners.set(event, l),
      setAsDefaultProtocolClient: (scheme: string) => calls.push(`protocol-client:${scheme}`),
      whenReady: async () => void calls.push('ready'),
      getPath: () => userData,
      getName: () => 'Hearth',
      setBadgeCount: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => ((privileged = schemes), calls.push('privileged')),
      handle: (scheme: string, handler: Fn) => ((protocolHandler = handler), calls.push(`handle:${scheme}`)),
    },
    session: { defaultSession: { setPermissionRequestHandler: (h: Fn) => (permissionRequest = h), setPermissionCheckHandler: () => {} } },
    safeStorage: { isAsyncEncryptionAvailable: async () => true, encryptStringAsync: async (s: string) => Buffer.from(s), decryptStringAsync: async (b: Buffer) => ({ result: b.toString(), shouldReEncrypt: false }), getSelectedStorageBackend: () => 'gnome_libsecret' },
    nativeImage: { createFromBitmap: () => ({}) },
    Tray: FakeTray,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
    ipcMain: { handle: (channel: string, l: Fn) => ipc.set(channel, l) },
    BrowserWindow: FakeWindow,
    Notification: class { static isSupported = () => true; on = vi.fn(); show = vi.fn(); },
    shell: { openExternal: vi.fn(async () => {}) },
    net: { fetch: vi.fn() },
  };
  return { electron: electron as unknown as ElectronMain, appListeners, ipc, windows, calls, protocol: () => protocolHandler, privileged: () => privileged, permissionRequest: () => permissionRequest };
}

const linuxPolicy = (json: object | null): PolicyReaderDeps => ({
  platform: 'linux',
  appId: 'com.example.hearth',
  username: 'seema',
  run: async () => ({ code: 1, stdout: '', stderr: '' }),
  readFile: async () => (json === null ? null : JSON.stringify(json)),
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-app-'));
  await mkdir(path.join(dir, 'web'));
  await writeFile(path.join(dir, 'web', 'index.html'), '<!doctype html><title>Hearth</title>');
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function start(policy: object | null, argv: string[] = ['electron', 'desktop'], lock = true, packaged = false, loadUpdater: Fn = vi.fn()) {
  const fake = fakeElectron(path.join(dir, 'user'), { lock, packaged });
  await startApp(fake.electron, { webRoot: path.join(dir, 'web'), preload: '/app/dist/preload/index.cjs' }, loadUpdater, { argv, policyReader: linuxPolicy(policy) });
  return { ...fake, loadUpdater };
}

const appEvent = { sender: { id: 41 }, senderFrame: { url: 'app://hearth/index.html', parent: null } };

describe('main process wiring', () => {
  it('sandboxes every renderer and registers app:// before the app is ready, without CSP bypass', async () => {
    const f = await start(null);
    expect(f.calls.slice(0, 3)).toEqual(['enableSandbox', 'privileged', 'protocol-client:hearth']);
    expect(f.calls.indexOf('handle:app')).toBeGreaterThan(f.calls.indexOf('ready'));
    expect(JSON.stringify(f.privileged())).not.toContain('bypassCSP');
  });

  it('opens one window with the hardened preferences, loaded from app://hearth', async () => {
    const f = await start(null);
    expect(f.windows).toHaveLength(1);
    expect(f.windows[0]?.options.webPreferences).toEqual(hardenedWebPreferences('/app/dist/preload/index.cjs'));
    expect(f.windows[0]?.loaded).toBe('app://hearth/index.html');
  });

  it('serves the renderer with a CSP that allows only the relay set by policy', async () => {
    const f = await start({ RelayUrl: 'wss://hearth.corp.example.com' });
    const res = (await f.protocol()?.({ url: 'app://hearth/index.html', method: 'GET' })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' wss://hearth.corp.example.com https://hearth.corp.example.com;");
  });

  it('after a sign-in, the next page load may connect only to the relay signed in to', async () => {
    const f = await start(null);
    const csp = async () => ((await f.protocol()?.({ url: 'app://hearth/index.html', method: 'GET' })) as Response).headers.get('content-security-policy');
    expect(await csp()).toContain("connect-src 'self' ws: wss: http: https:;");
    await f.ipc.get('hearth:session-save')?.(appEvent, { personId: 'seema', token: 't', relayUrl: 'ws://127.0.0.1:1234', expiresAt: null });
    expect(await csp()).toContain("connect-src 'self' ws://127.0.0.1:1234 http://127.0.0.1:1234;");
    await f.ipc.get('hearth:session-clear')?.(appEvent);
    expect(await csp()).toContain("connect-src 'self' ws: wss: http: https:;");
  });

  it('answers the bridge from the app window only, with policy applied', async () => {
    const f = await start({ RelayUrl: 'wss://hearth.corp.example.com' });
    expect([...f.ipc.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    await expect(f.ipc.get('hearth:managed-config')?.(appEvent)).resolves.toEqual({ relayUrl: 'wss://hearth.corp.example.com', relayLocked: true });
    await expect(f.ipc.get('hearth:managed-config')?.({ ...appEvent, sender: { id: 99 } })).rejects.toThrow(/not the app/);
  });

  it('guards every web contents created, and grants no camera', async () => {
    const f = await start(null);
    const captured: { open?: Fn; granted?: boolean } = {};
    f.appListeners.get('web-contents-created')?.({}, { setWindowOpenHandler: (h: Fn) => (captured.open = h), on: () => {} });
    expect(captured.open?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    f.permissionRequest()?.(null, 'media', (g: boolean) => (captured.granted = g), { requestingUrl: 'app://hearth/index.html' });
    expect(captured.granted).toBe(false);
  });

  it('opens a hearth:// link it was launched with once the page has loaded', async () => {
    const f = await start(null, ['hearth', 'hearth://post/eng/01HZY']);
    const window = f.windows[0];
    const routes = () => window?.sent.filter(([channel]) => channel === 'hearth:navigate');
    expect(routes()).toEqual([]);
    window?.contentsListeners.get('did-finish-load')?.();
    expect(routes()).toEqual([['hearth:navigate', '#/post/eng/01HZY']]);
  });

  it('keeps the updater unloaded when running from source', async () => {
    const f = await start({ AutoUpdate: true, UpdateUrl: 'https://updates.corp.example.com/hearth' });
    expect(f.loadUpdater).not.toHaveBeenCalled();
    await expect(f.ipc.get('hearth:update-status')?.(appEvent)).resolves.toEqual({ state: 'disabled', reason: 'development' });
  });

  it('keeps running, with the window open, when the updater fails to start', async () => {
    const resources = process as { resourcesPath?: string };
    resources.resourcesPath = dir;
    await writeFile(path.join(dir, 'app-update.yml'), 'provider: generic\nurl: https://updates.corp.example.com/hearth\n');
    try {
      const broken = vi.fn(async () => {
        throw new Error('updater exploded');
      });
      const f = await start(null, ['hearth'], true, true, broken);
      expect(broken).toHaveBeenCalled();
      expect(f.windows).toHaveLength(1);
      expect(f.calls).not.toContain('exit');
      await expect(f.ipc.get('hearth:update-status')?.(appEvent)).resolves.toEqual({ state: 'error', message: 'updater exploded' });
    } finally {
      delete resources.resourcesPath;
    }
  });

  it('a second launch quits at once and opens no window', async () => {
    const f = await start(null, ['electron', 'desktop'], false);
    expect(f.calls).toContain('quit');
    expect(f.windows).toHaveLength(0);
  });
});
