// Relay notices on the wire: framing of core's RelayNotice (see core/src/model/relay-notice.ts for
// the format and the notices).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE_NOTICE, NOTICES_PARAM, parseRelayNotice, type RelayNotice } from '@hearth/core';

export { MESSAGE_NOTICE, NOTICES_PARAM };
export type { RelayNotice };

export function encodeNotice(notice: RelayNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_NOTICE);
  encoding.writeVarString(encoder, JSON.stringify(notice));
  return encoding.toUint8Array(encoder);
}

/** Reads a notice body after the message type has been read (as in a provider message handler). */
export function readNotice(decoder: decoding.Decoder): RelayNotice | null {
  try {
    return parseRelayNotice(decoding.readVarString(decoder));
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

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
