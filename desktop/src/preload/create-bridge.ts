// Builds the object the preload exposes as `window.hearth` from two functions over ipcRenderer.
// Why it is this small: the renderer gets named methods, never ipcRenderer itself, never a channel
// name of its choosing, and never the Electron event object (which carries `sender`).
import type { HearthBridge } from '../shared/bridge.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc-contract.js';
import type { EventChannel, InvokeArgs, InvokeChannel, InvokeMethod, InvokeResult } from '../shared/ipc-contract.js';
import type { UpdateStatus } from '../shared/update-status.js';

export interface IpcRendererLike {
  invoke(channel: InvokeChannel, ...args: unknown[]): Promise<unknown>;
  on(channel: EventChannel, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: EventChannel, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): HearthBridge {
  const call =
    <M extends InvokeMethod>(method: M) =>
    (...args: InvokeArgs<M>) =>
      ipc.invoke(INVOKE_CHANNELS[method], ...args) as Promise<InvokeResult<M>>;
  const subscribe =
    <T>(channel: EventChannel, accept: (payload: unknown) => payload is T) =>
    (listener: (value: T) => void): (() => void) => {
      const wrapped = (_event: unknown, payload: unknown) => {
        if (accept(payload)) listener(payload);
      };
      ipc.on(channel, wrapped);
      return () => void ipc.removeListener(channel, wrapped);
    };
  return {
    kind: 'electron',
    notify: call('notify'),
    setBadge: call('setBadge'),
    loadSession: call('loadSession'),
    saveSession: call('saveSession'),
    clearSession: call('clearSession'),
    tokenStorage: call('tokenStorage'),
    managedConfig: call('managedConfig'),
    settings: call('settings'),
    signIn: call('signIn'),
    renewSession: call('renewSession'),
    updateStatus: call('updateStatus'),
    installUpdate: call('installUpdate'),
    openFile: call('openFile'),
    onUpdateStatus: subscribe(EVENT_CHANNELS.updateStatus, (p): p is UpdateStatus => typeof p === 'object' && p !== null && 'state' in p),
    onNavigate: subscribe(EVENT_CHANNELS.navigate, (p): p is string => typeof p === 'string' && p.startsWith('#/')),
  };
}
