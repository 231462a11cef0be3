// Why: one wrapper registers every IPC handler, so no handler can forget the checks. Before any
// handler runs it refuses senders that are not the top frame of one of the app's own windows on
// app://hearth (a sub-frame or a navigated page gets nothing) and arguments that do not parse.
// Only the channels of the shared contract can be registered; anything else is refused.
import { INVOKE_CHANNELS } from '../../shared/ipc-contract.js';
import type { InvokeArgs, InvokeMethod, InvokeResult } from '../../shared/ipc-contract.js';
import { isAppUrl } from '../protocol/app-protocol.js';
import { ARG_SCHEMAS } from './ipc-schemas.js';

/** The parts of IpcMainInvokeEvent the checks read. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export type IpcHandlers = { [M in InvokeMethod]: (...args: InvokeArgs<M>) => Promise<InvokeResult<M>> };

export class IpcRefused extends Error {
  override name = 'IpcRefused';
}

/** A sender is trusted when it is the top frame of an app window showing app://hearth. */
export function isTrustedSender(event: InvokeEventLike, appContentsIds: () => ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url) && appContentsIds().has(event.sender.id);
}

export function registerIpcHandlers(ipc: IpcMainLike, handlers: IpcHandlers, appContentsIds: () => ReadonlySet<number>): void {
  const known = new Set<string>(Object.keys(INVOKE_CHANNELS));
  for (const method of Object.keys(handlers)) {
    if (!known.has(method)) throw new IpcRefused(`no IPC channel for "${method}"`);
  }
  for (const method of Object.keys(INVOKE_CHANNELS) as InvokeMethod[]) {
    const channel = INVOKE_CHANNELS[method];
    const handler = handlers[method] as (...args: unknown[]) => Promise<unknown>;
    const schema = ARG_SCHEMAS[method];
    ipc.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event, appContentsIds)) throw new IpcRefused(`${channel}: refused, sender is not the app`);
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new IpcRefused(`${channel}: refused, invalid arguments`);
      return handler(...(parsed.data as unknown[]));
    });
  }
}
