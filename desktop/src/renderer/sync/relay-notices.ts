// The relay's own messages on a y-websocket connection: message type 100, a JSON notice.
//   read-only  the room is read-only for this connection; what we sent was not applied
//   stored     what the relay has durably stored of an outbox (`stateVector`, base64)
//   error      something the person should see (message)
// Why a custom message type: the stock provider routes unknown types to `messageHandlers[n]`, so
// the app keeps the stock provider and adds one handler.
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

export const MESSAGE_RELAY_NOTICE = 100;

export type RelayNotice =
  | { type: 'read-only'; room?: string }
  | { type: 'stored'; room?: string; stateVector: string }
  | { type: 'error'; room?: string; message: string; code?: number };

export function parseRelayNotice(json: string): RelayNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type === 'read-only') return { type: 'read-only' };
  if (v.type === 'stored' && typeof v.stateVector === 'string') return { type: 'stored', stateVector: v.stateVector };
  if (v.type === 'error') return { type: 'error', message: typeof v.message === 'string' ? v.message : 'error', ...(typeof v.code === 'number' ? { code: v.code } : {}) };
  return null;
}

/** Reads the JSON payload; accepts a var-string or var-uint8array (UTF-8) framing. */
function readPayload(decoder: decoding.Decoder): string {
  const start = decoder.pos;
  try {
    return decoding.readVarString(decoder);
  } catch {
    decoder.pos = start;
    return new TextDecoder().decode(decoding.readVarUint8Array(decoder));
  }
}

export function installNoticeHandler(provider: WebsocketProvider, onNotice: (notice: RelayNotice) => void): void {
  provider.messageHandlers[MESSAGE_RELAY_NOTICE] = (_encoder, decoder) => {
    const notice = parseRelayNotice(readPayload(decoder));
    if (notice) onNotice(notice);
  };
}

export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
