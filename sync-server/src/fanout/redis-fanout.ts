// Fan-out between relay processes over Redis pub/sub, one channel per room. Why pub/sub and not
// Redis streams (y-redis): in Hearth an update is durable once it is in the relay's database — the
// relay acknowledges `stored` only after that commit — so Redis carries notifications, not data
// that must survive. Streams would make Redis a second store to persist, trim and recover; pub/sub
// (as Hocuspocus's Redis extension does) costs one PUBLISH per stored update and nothing at rest.
// What pub/sub loses — messages sent while a subscriber is disconnected, or while Redis restarts —
// the database replays: when the subscriber connection is ready again, every joined room re-reads
// its log from storage (`resync`), so readers catch up with everything that was acknowledged.
// Publishes made while the publishing connection is down wait in ioredis's offline queue.
// Messages: [kind (0 update, 1 awareness)] [process id, 8 bytes] [payload]; a process ignores its own.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { Fanout, FanoutReceiver } from '../rooms/fanout.js';

const UPDATE = 0;
const AWARENESS = 1;

export interface RedisFanoutOptions {
  /** redis://host:6379/0 */
  url: string;
  /** Channel prefix, so several companies (or tests) can share one Redis. Default 'hearth:'. */
  prefix?: string;
  logger: Logger;
}

export async function startRedisFanout(o: RedisFanoutOptions): Promise<Fanout> {
  const prefix = o.prefix ?? 'hearth:';
  const self = randomBytes(8);
  const channel = (room: string) => `${prefix}room:${room}`;
  const receivers = new Map<string, Set<FanoutReceiver>>();
  const options = { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 100, 2000) };
  const pub = new Redis(o.url, options);
  const sub = new Redis(o.url, options);
  let everReady = false;
  let lost = false;
  for (const [name, conn] of [['publisher', pub], ['subscriber', sub]] as const) {
    conn.on('error', (err: Error) => o.logger.warn({ err: err.message, connection: name }, 'redis connection error'));
  }
  sub.on('close', () => {
    if (everReady) lost = true;
  });
  sub.on('ready', () => {
    if (!lost) return;
    lost = false;
    // ioredis re-subscribes by itself; what was published meanwhile is read back from storage.
    o.logger.info({ rooms: receivers.size }, 'redis back: rooms catch up from storage');
    for (const set of receivers.values()) for (const r of set) r.resync();
  });
  sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
    const room = ch.toString('utf8').slice(`${prefix}room:`.length);
    const set = receivers.get(room);
    if (set === undefined || message.length < 9 || message.subarray(1, 9).equals(self)) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + 9, message.length - 9);
    for (const r of set) {
      try {
        if (message[0] === UPDATE) r.update(payload);
        else if (message[0] === AWARENESS) r.awareness(payload);
      } catch (err) {
        o.logger.warn({ err, room }, 'fan-out message not applied');
      }
    }
  });
  try {
    await Promise.race([
      Promise.all([pub.connect(), sub.connect()]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref()),
    ]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`Redis at ${o.url} is unreachable: ${(err as Error).message}`);
  }
  everReady = true;
  const send = (room: string, kind: number, payload: Uint8Array) => {
    const message = Buffer.concat([Buffer.from([kind]), self, payload]);
    pub.publish(channel(room), message).catch((err: unknown) => o.logger.warn({ err, room }, 'fan-out publish failed; other processes catch up from storage when they resync'));
  };
  return {
    async join(room, receiver) {
      let set = receivers.get(room);
      if (set === undefined) {
        set = new Set();
        receivers.set(room, set);
        set.add(receiver);
        await sub.subscribe(channel(room));
      } else set.add(receiver);
    },
    leave(room, receiver) {
      const set = receivers.get(room);
      if (set === undefined) return;
      set.delete(receiver);
      if (set.size === 0) {
        receivers.delete(room);
        sub.unsubscribe(channel(room)).catch(() => undefined);
      }
    },
    publishUpdate: (room, update) => send(room, UPDATE, update),
    publishAwareness: (room, update) => send(room, AWARENESS, update),
    async close() {
      receivers.clear();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
