import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../shared/ipc-contract.js';
import { createBridge } from './create-bridge.js';

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    invoke: vi.fn(async () => undefined as unknown),
    on: (channel: string, l: (event: unknown, payload: unknown) => void) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel: string, l: (event: unknown, payload: unknown) => void) => listeners.get(channel)?.delete(l),
    emit: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'ipc internals' }, payload)),
  };
}

describe('preload bridge', () => {
  it('maps each method to its contract channel, with exactly the caller’s arguments', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    await bridge.setBadge(4);
    await bridge.signIn('wss://corp');
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, INVOKE_CHANNELS.setBadge, 4);
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, INVOKE_CHANNELS.signIn, 'wss://corp');
    expect(bridge.kind).toBe('electron');
  });

  it('exposes no way to reach ipcRenderer or a channel of the page’s choosing', () => {
    const bridge = createBridge(fakeIpc()) as unknown as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(
      ['kind', 'notify', 'setBadge', 'loadSession', 'saveSession', 'clearSession', 'tokenStorage', 'managedConfig', 'settings', 'signIn', 'renewSession', 'updateStatus', 'installUpdate', 'openFile', 'onUpdateStatus', 'onNavigate'].sort(),
    );
  });

  it('delivers routes without the Electron event, drops anything that is not a route, and unsubscribes', () => {
    const ipc = fakeIpc();
    const seen = vi.fn();
    const off = createBridge(ipc).onNavigate(seen);
    ipc.emit('hearth:navigate', '#/space/eng');
    ipc.emit('hearth:navigate', 'javascript:alert(1)');
    off();
    ipc.emit('hearth:navigate', '#/space/later');
    expect(seen.mock.calls).toEqual([['#/space/eng']]);
  });
});
