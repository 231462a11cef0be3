// The y-protocols wire format as the relay reads it. Why the relay parses before acting: a message
// is fully decoded and validated (types, lengths, update structure) before any document is touched,
// so a malformed or poisonous message is refused as a whole and never half-applied or stored.
//
//   varUint 0 (sync)       varUint 0 step1  varUint8Array stateVector
//                          varUint 1 step2  varUint8Array update
//                          varUint 2 update varUint8Array update
//   varUint 1 (awareness)  varUint8Array awareness update
//   varUint 3 (query awareness)
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class MalformedMessage extends Error {
  override name = 'MalformedMessage';
}

/** Decodes and validates one client message; throws MalformedMessage. */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload); // throws on garbage
        message = { kind: 'sync-step1', stateVector: payload };
      } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        Y.decodeUpdate(payload); // parses every struct and the delete set; throws on garbage
        message = { kind: step === syncProtocol.messageYjsSyncStep2 ? 'sync-step2' : 'update', update: payload };
      } else {
        throw new MalformedMessage(`unknown sync step ${step}`);
      }
    } else if (type === MESSAGE_AWARENESS) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: 'query-awareness' };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(err instanceof Error ? err.message : String(err));
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
