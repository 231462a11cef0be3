import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { RoomLog } from '../storage/storage.js';
import { RelayDocHost } from './relay-doc-host.js';
import { StoreFailed } from './room.js';
import type { RoomMember } from './room.js';

/** An in-memory log whose appends fail with SQLITE_FULL while `full` is set. */
class FakeLog implements RoomLog {
  full = false;
  /** While set, appends wait for it (a slow database). */
  gate: Promise<void> | null = null;
  readonly rows = new Map<string, Uint8Array[]>();
  async load(room: string) {
    return [...(this.rows.get(room) ?? [])];
  }
  async append(room: string, updates: readonly Uint8Array[]) {
    if (this.gate !== null) await this.gate;
    if (this.full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const list = this.rows.get(room) ?? [];
    list.push(...updates);
    this.rows.set(room, list);
  }
  async discard(room: string, update: Uint8Array) {
    this.rows.set(room, (this.rows.get(room) ?? []).filter((u) => Buffer.compare(u, update) !== 0));
  }
  async compact() {}
  async exists(room: string) {
    return this.rows.has(room);
  }
  async list() {
    return [...this.rows.keys()];
  }
}

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (_obj: unknown, msg?: string) => lines.push(`${level}: ${msg ?? ''}`);
  return { logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: () => {} } as unknown as Logger, lines };
}

function member(personId: string): RoomMember & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { personId, sent, send: (m) => sent.push(m), close: () => {} };
}

function edit(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  change(doc);
  return update;
}

describe('a room when the store fails', () => {
  it('keeps nothing it could not store, broadcasts nothing, logs once per incident, and takes the update later', async () => {
    const log = new FakeLog();
    const { logger, lines } = recordingLogger();
    const host = new RelayDocHost(log, logger);
    const room = await host.room('outbox/alice');
    const writer = member('alice');
    const reader = member('alice');
    host.attach(room, writer);
    host.attach(room, reader);
    const update = edit((d) => d.getMap('entries').set('e1', 'hello'));

    log.full = true;
    for (let i = 0; i < 3; i++) {
      const err: unknown = await room.clientUpdate(update, writer).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreFailed);
      expect((err as StoreFailed).status).toBe('full');
    }
    await expect(host.write('outbox/alice', (doc) => doc.getMap('relay').set('r', 1))).rejects.toBeInstanceOf(StoreFailed);
    expect(room.doc.getMap('entries').has('e1')).toBe(false);
    expect(room.doc.getMap('relay').has('r')).toBe(false);
    expect(room.broken).toBe(false);
    expect(await host.room('outbox/alice')).toBe(room); // rolled back in place: members stay attached
    expect(reader.sent).toEqual([]);
    expect(lines.filter((l) => l.startsWith('error'))).toHaveLength(1);

    log.full = false;
    const { changed } = await room.clientUpdate(update, writer);
    expect(changed).toBe(true);
    expect(room.doc.getMap('entries').get('e1')).toBe('hello');
    expect(reader.sent).toHaveLength(1);
    expect(writer.sent).toEqual([]);
    expect(lines.filter((l) => l.includes('recovered'))).toHaveLength(1);
    host.stop();
  });
});

describe('a room while a store is on its way', () => {
  it('shows no reader a client update before it is stored, nor after the store failed', async () => {
    const log = new FakeLog();
    const { logger } = recordingLogger();
    const host = new RelayDocHost(log, logger);
    const room = await host.room('outbox/alice');
    const writer = member('alice');
    host.attach(room, writer);
    let open!: () => void;
    log.gate = new Promise((r) => (open = r));
    log.full = true;
    const pending = room.clientUpdate(edit((d) => d.getMap('entries').set('e1', 'hello')), writer).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    // The publisher reads through `open`, outside the room's queue, while the database is slow.
    expect((await host.open('outbox/alice')).getMap('entries').has('e1')).toBe(false);
    open();
    expect(await pending).toBeInstanceOf(StoreFailed);
    expect((await host.open('outbox/alice')).getMap('entries').has('e1')).toBe(false);
    host.stop();
  });

  it('stores nothing for an update the document already holds', async () => {
    const log = new FakeLog();
    const host = new RelayDocHost(log, recordingLogger().logger);
    const room = await host.room('outbox/alice');
    const writer = member('alice');
    const source = new Y.Doc();
    source.getMap('entries').set('e1', 'hello');
    source.getMap('entries').delete('e1');
    source.getMap('entries').set('e2', 'kept');
    const whole = Y.encodeStateAsUpdate(source);
    expect((await room.clientUpdate(whole, writer)).changed).toBe(true);
    // A reconnect's sync step 2 carries everything again, delete set included.
    expect((await room.clientUpdate(whole, writer)).changed).toBe(false);
    expect(log.rows.get('outbox/alice')).toHaveLength(1);
    expect(room.doc.getMap('entries').toJSON()).toEqual({ e2: 'kept' });
    host.stop();
  });
});
