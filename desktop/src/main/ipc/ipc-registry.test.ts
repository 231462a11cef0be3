import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc-contract.js';
import { defaultSettingsView } from '../../shared/settings.js';
import { registerIpcHandlers } from './ipc-registry.js';
import type { InvokeEventLike, IpcHandlers } from './ipc-registry.js';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function handlers(): IpcHandlers {
  return {
    notify: vi.fn(async () => {}),
    setBadge: vi.fn(async () => {}),
    loadSession: vi.fn(async () => null),
    saveSession: vi.fn(async () => {}),
    clearSession: vi.fn(async () => {}),
    tokenStorage: vi.fn(async () => ({ kind: 'keychain' as const })),
    managedConfig: vi.fn(async () => ({})),
    settings: vi.fn(async () => defaultSettingsView()),
    signIn: vi.fn(async () => ({ ok: false as const, reason: 'not-configured' as const, message: '' })),
    renewSession: vi.fn(async () => ({ ok: false as const, reason: 'refused' as const, message: '' })),
    updateStatus: vi.fn(async () => ({ state: 'idle' as const, checkedAt: null })),
    installUpdate: vi.fn(async () => {}),
    openFile: vi.fn(async () => ({ ok: true as const, how: 'opened' as const })),
  };
}

function setup() {
  const registered = new Map<string, Listener>();
  const h = handlers();
  registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, h, () => new Set([7]));
  const invoke = async (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = registered.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  };
  return { registered, h, invoke };
}

const app: InvokeEventLike = { sender: { id: 7 }, senderFrame: { url: 'app://hearth/index.html#/space/x', parent: null } };

describe('IPC wrapper', () => {
  it('registers exactly the channels of the shared contract', () => {
    expect([...setup().registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('passes a well-formed call from the app window through', async () => {
    const { h, invoke } = setup();
    await invoke('hearth:set-badge', app, 3);
    expect(h.setBadge).toHaveBeenCalledWith(3);
  });

  it('lets a notification carry the route of the item it is about (an inbox notice opens the comment itself)', async () => {
    const { h, invoke } = setup();
    const request = { title: 'Hearth', body: 'Rajesh Kumar mentioned you in Media Wing.', route: '#/post/media-wing/01JD0000000000000000000P01?item=01JD0000000000000000000C01' };
    await invoke('hearth:notify', app, request);
    expect(h.notify).toHaveBeenCalledWith(request);
  });

  it.each<[string, InvokeEventLike]>([
    ['a page that navigated elsewhere', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a sub-frame of the app', { sender: { id: 7 }, senderFrame: { url: 'app://hearth/index.html', parent: {} } }],
    ['another window', { sender: { id: 8 }, senderFrame: { url: 'app://hearth/index.html', parent: null } }],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s before the handler runs', async (_name, event) => {
    const { h, invoke } = setup();
    await expect(invoke('hearth:session-load', event)).rejects.toThrow(/sender is not the app/);
    expect(h.loadSession).not.toHaveBeenCalled();
  });

  it.each<[string, unknown[]]>([
    ['a negative badge', [-1]],
    ['a badge that is not a number', ['3']],
    ['an extra argument', [3, 4]],
  ])('refuses %s', async (_name, args) => {
    const { h, invoke } = setup();
    await expect(invoke('hearth:set-badge', app, ...args)).rejects.toThrow(/invalid arguments/);
    expect(h.setBadge).not.toHaveBeenCalled();
  });

  it('refuses a notification whose click would open something other than an app route', async () => {
    const { h, invoke } = setup();
    await expect(invoke('hearth:notify', app, { title: 't', body: 'b', route: 'javascript:alert(1)' })).rejects.toThrow(/invalid arguments/);
    await expect(invoke('hearth:notify', app, { title: 't', body: 'b', extra: true })).rejects.toThrow(/invalid arguments/);
    expect(h.notify).not.toHaveBeenCalled();
  });

  it('refuses a session for a relay that is not a ws/http address', async () => {
    const { h, invoke } = setup();
    await expect(invoke('hearth:session-save', app, { personId: 'p', token: 't', relayUrl: 'file:///x', expiresAt: null })).rejects.toThrow(/invalid arguments/);
    expect(h.saveSession).not.toHaveBeenCalled();
  });

  it('has no handler for a channel outside the contract, and will not register one', async () => {
    const { invoke } = setup();
    await expect(invoke('hearth:run-shell', app, 'rm -rf /')).rejects.toThrow(/No handler/);
    const extra = { ...handlers(), runShell: async () => {} } as unknown as IpcHandlers;
    expect(() => registerIpcHandlers({ handle: () => {} }, extra, () => new Set())).toThrow(/no IPC channel/);
  });
});
