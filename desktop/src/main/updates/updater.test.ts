import { describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../shared/update-status.js';
import { startUpdater } from './updater.js';
import type { UpdaterDeps, UpdaterLike } from './updater.js';

function fakeUpdater() {
  const listeners = new Map<string, (arg?: unknown) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on: (event: string, listener: (arg?: unknown) => void) => listeners.set(event, listener),
  };
  return { updater: updater as unknown as UpdaterLike & typeof updater, emit: (event: string, arg?: unknown) => listeners.get(event)?.(arg) };
}

function deps(overrides: Partial<UpdaterDeps>, fake = fakeUpdater()) {
  const statuses: UpdateStatus[] = [];
  const loadUpdater = vi.fn(async () => fake.updater);
  const d: UpdaterDeps = {
    settings: { autoUpdate: true, updateUrl: 'https://updates.corp.example.com/hearth' },
    isPackaged: true,
    platform: 'linux',
    loadUpdater,
    readAppUpdateConfig: async () => 'provider: generic\nurl: https://updates.corp.example.com/hearth\npublisherName:\n  - Example Corp\n',
    onStatus: (s) => statuses.push(s),
    now: () => 1000,
    ...overrides,
  };
  return { d, loadUpdater, statuses, fake };
}

describe('updater', () => {
  it('stays off under a policy that disables updates, without even loading electron-updater', async () => {
    const { d, loadUpdater, statuses } = deps({ settings: { autoUpdate: false, updateUrl: 'https://updates.corp.example.com/hearth' } });
    const running = await startUpdater(d);
    await running.check();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(running.status()).toEqual({ state: 'disabled', reason: 'policy' });
    expect(statuses).toEqual([{ state: 'disabled', reason: 'policy' }]);
  });

  it('uses the server built into the package when policy names none', async () => {
    const { d, fake } = deps({ settings: { autoUpdate: true, updateUrl: null } });
    expect((await startUpdater(d)).status().state).toBe('idle');
    expect(fake.updater.setFeedURL).not.toHaveBeenCalled();
  });

  it('stays off without an update server, and when running from source', async () => {
    const none = deps({ settings: { autoUpdate: true, updateUrl: null }, readAppUpdateConfig: async () => null });
    expect((await startUpdater(none.d)).status()).toEqual({ state: 'disabled', reason: 'not-configured' });
    const dev = deps({ isPackaged: false });
    expect((await startUpdater(dev.d)).status()).toEqual({ state: 'disabled', reason: 'development' });
    expect(none.loadUpdater).not.toHaveBeenCalled();
    expect(dev.loadUpdater).not.toHaveBeenCalled();
  });

  it('on Windows, refuses to run when the build records no publisher to verify signatures against', async () => {
    const { d, loadUpdater } = deps({ platform: 'win32', readAppUpdateConfig: async () => 'provider: generic\nurl: https://updates.corp.example.com/hearth\n' });
    expect((await startUpdater(d)).status()).toEqual({ state: 'disabled', reason: 'unverifiable-signature' });
    expect(loadUpdater).not.toHaveBeenCalled();
    const signed = deps({ platform: 'win32' });
    expect((await startUpdater(signed.d)).status().state).toBe('idle');
  });

  it('uses the generic provider at the company URL, and installs only a downloaded update', async () => {
    const { d, fake, statuses } = deps({});
    const running = await startUpdater(d);
    expect(fake.updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.corp.example.com/hearth' });
    expect(fake.updater.allowDowngrade).toBe(false);
    running.install();
    expect(fake.updater.quitAndInstall).not.toHaveBeenCalled();
    fake.emit('update-available', { version: '1.2.0' });
    fake.emit('download-progress', { percent: 41.6 });
    fake.emit('update-downloaded', { version: '1.2.0' });
    expect(statuses.slice(-2)).toEqual([{ state: 'downloading', version: '1.2.0', percent: 42 }, { state: 'ready', version: '1.2.0' }]);
    running.install();
    expect(fake.updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('reports a failed check instead of throwing', async () => {
    const fake = fakeUpdater();
    fake.updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const { d } = deps({}, fake);
    const running = await startUpdater(d);
    await running.check();
    expect(running.status()).toEqual({ state: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
  });
});
