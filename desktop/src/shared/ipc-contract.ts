// The IPC channels between preload and main, and the argument and result types of each. The
// preload allows only these channels; main registers a handler for each through one wrapper
// (src/main/ipc/ipc-registry.ts) that checks the sender and validates arguments with zod.
import type { HearthBridge } from './bridge.js';

type Invokable = Exclude<keyof HearthBridge, 'kind' | 'onUpdateStatus' | 'onNavigate'>;

/** Renderer → main requests, one per bridge method. */
export const INVOKE_CHANNELS = {
  notify: 'hearth:notify',
  setBadge: 'hearth:set-badge',
  loadSession: 'hearth:session-load',
  saveSession: 'hearth:session-save',
  clearSession: 'hearth:session-clear',
  tokenStorage: 'hearth:token-storage',
  managedConfig: 'hearth:managed-config',
  settings: 'hearth:settings',
  signIn: 'hearth:sign-in',
  renewSession: 'hearth:session-renew',
  updateStatus: 'hearth:update-status',
  installUpdate: 'hearth:update-install',
  openFile: 'hearth:open-file',
} as const satisfies Record<Invokable, `hearth:${string}`>;

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeMethod];

export type InvokeArgs<M extends InvokeMethod> = Parameters<HearthBridge[M]>;
export type InvokeResult<M extends InvokeMethod> = Awaited<ReturnType<HearthBridge[M]>>;

/** Main → renderer events. */
export const EVENT_CHANNELS = {
  navigate: 'hearth:navigate',
  updateStatus: 'hearth:update-status-changed',
} as const;

export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];
