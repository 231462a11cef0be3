// Relay notices: the relay's side channel to one connection, next to y-protocols sync (0) and
// awareness (1). Why a custom message type: the stock WebsocketProvider dispatches on the leading
// varUint through `provider.messageHandlers[type]`; for an unknown type it logs and carries on, so a
// stock client is unaffected and the app registers `provider.messageHandlers[100]` to read them.
//
// Byte layout (lib0 encoding):
//   varUint  100                      message type "notice"
//   varString JSON                    varUint byte length + UTF-8 bytes of one Notice object
//
// Notices:
//   { type: 'read-only', room }                     once per connection, the first time the relay
//                                                   drops a document update on a room the person
//                                                   may only read
//   { type: 'stored', room, stateVector }           after the person's outbox updates are on disk;
//                                                   stateVector = base64 of Y.encodeStateVector of
//                                                   the stored document: every update it covers is
//                                                   durable on the relay
//   { type: 'error', code, message }                just before the relay closes with `code`
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_NOTICE = 100;

export type RelayNotice =
  | { type: 'read-only'; room: string }
  | { type: 'stored'; room: string; stateVector: string }
  | { type: 'error'; code: number; message: string };

export function encodeNotice(notice: RelayNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_NOTICE);
  encoding.writeVarString(encoder, JSON.stringify(notice));
  return encoding.toUint8Array(encoder);
}

/** Reads a notice body after the message type has been read (as in a provider message handler). */
export function readNotice(decoder: decoding.Decoder): RelayNotice | null {
  try {
    const value: unknown = JSON.parse(decoding.readVarString(decoder));
    return isNotice(value) ? value : null;
  } catch {
    return null;
  }
}

/** Decodes a whole message; null when it is not a notice. */
export function decodeNotice(message: Uint8Array): RelayNotice | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_NOTICE) return null;
    return readNotice(decoder);
  } catch {
    return null;
  }
}

function isNotice(v: unknown): v is RelayNotice {
  if (typeof v !== 'object' || v === null) return false;
  const n = v as Record<string, unknown>;
  switch (n.type) {
    case 'read-only':
      return typeof n.room === 'string';
    case 'stored':
      return typeof n.room === 'string' && typeof n.stateVector === 'string';
    case 'error':
      return typeof n.code === 'number' && typeof n.message === 'string';
    default:
      return false;
  }
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
