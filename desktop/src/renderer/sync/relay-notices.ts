// The relay's own messages on a y-websocket connection: message type 100, a JSON notice.
//   read-only  the room is read-only for this connection; what we sent was not applied
//   stored     what the relay has durably stored of an outbox (`stateVector`, base64)
//   error      something the person should see (message)
// Why a custom message type: the stock provider routes unknown types to `messageHandlers[n]`, so
// the app keeps the stock provider and adds one handler. The relay sends notices only to connections
// whose URL asks for them (`NOTICES_PARAM=1`): the room hub does.
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_NOTICE, NOTICES_PARAM, parseRelayNotice, type RelayNotice } from '@hearth/core';

export { NOTICES_PARAM, parseRelayNotice, type RelayNotice };

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
  provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
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
