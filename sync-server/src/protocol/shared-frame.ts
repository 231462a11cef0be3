// One WebSocket frame for a message that many connections receive (a room's broadcast). Why: `ws`
// frames every send anew — a header allocated, the payload wrapped, two writes corked into one
// writev — so a post to a space of 1,000 readers built 1,000 identical frames, and the last reader
// waited for all of that work (it is most of a broadcast's time besides the socket writes). A
// server's frames are not masked (RFC 6455 §5.1), so one frame serves every socket: built once, on
// first use, then written to each socket as one buffer.
// Safe only because the relay's WebSocketServer has permessage-deflate off (server/ws-gateway.ts) and never
// sends a Blob: then `ws` queues nothing of its own, and a frame written to the socket directly goes
// out in order with everything `ws` writes (pings, closes, other messages). bufferedAmount still
// counts it (it is the socket's own buffer), so the slow-reader limits see it.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** A binary message's frame, built on first use and shared by every connection it is sent to. */
export class SharedFrame {
  private frame: Buffer | null = null;

  constructor(readonly message: Uint8Array) {}

  get bytes(): Buffer {
    return (this.frame ??= binaryFrame(this.message));
  }
}

/** An unmasked, final, binary frame (RFC 6455 §5.2) holding `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const headerLength = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/**
 * Writes the frame to the socket under `ws`; false (nothing written) when `ws` holds no socket where
 * this version of `ws` keeps it, so that the caller sends the message through `ws` instead.
 */
export function writeFrame(ws: WebSocket, frame: SharedFrame): boolean {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (socket === undefined || socket.destroyed) return false;
  socket.write(frame.bytes);
  return true;
}
