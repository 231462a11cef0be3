// Relay notices: the relay's side channel to one connection, next to y-protocols sync (0) and
// awareness (1). Why a custom message type: the stock WebsocketProvider dispatches on the leading
// varUint through `provider.messageHandlers[type]`, so the app keeps the stock provider and registers
// `provider.messageHandlers[100]` to read them. Why opt-in (`?notices=1` in the connection URL): for
// a type it has no handler for, the stock provider logs "Unable to compute message" — after every
// stored update. So the relay sends notices only to connections that ask for them, and a stock
// client sees the plain y-websocket protocol.
// Why in core: the relay writes them and the app reads them; one definition keeps both honest.
//
// Byte layout (lib0 encoding):
//   varUint  100        message type "notice"
//   varString JSON      varUint byte length + UTF-8 bytes of one RelayNotice object
//
//   { type: 'read-only', room }           once per connection, the first time the relay drops a
//                                         document update on a room the person may only read
//   { type: 'stored', room, stateVector } after the person's outbox updates are on disk;
//                                         stateVector = base64 of Y.encodeStateVector of the
//                                         stored document: every update it covers is durable
//   { type: 'error', code, message }      just before the relay closes with `code`

export const MESSAGE_NOTICE = 100;

/** The connection URL's query parameter (value `1`) that asks the relay for notices. */
export const NOTICES_PARAM = 'notices';

export type RelayNotice =
  | { type: 'read-only'; room: string }
  | { type: 'stored'; room: string; stateVector: string }
  | { type: 'error'; code: number; message: string };

/** The JSON payload of a notice; null when it is not one (a client must ignore what it cannot read). */
export function parseRelayNotice(json: string): RelayNotice | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const n = v as Record<string, unknown>;
  switch (n.type) {
    case 'read-only':
      return typeof n.room === 'string' ? { type: 'read-only', room: n.room } : null;
    case 'stored':
      return typeof n.room === 'string' && typeof n.stateVector === 'string' ? { type: 'stored', room: n.room, stateVector: n.stateVector } : null;
    case 'error':
      return typeof n.code === 'number' && typeof n.message === 'string' ? { type: 'error', code: n.code, message: n.message } : null;
    default:
      return null;
  }
}
