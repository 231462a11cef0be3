import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { HearthDb } from '../storage/db.js';
import { RoomHub } from './room-hub.js';

let n = 0;

/** A socket that the relay closes at once with `code` (as it does for refused rooms). */
function closingSocket(code: number, urls: string[]) {
  return class FakeSocket {
    binaryType = 'arraybuffer';
    readyState = 0;
    onopen: (() => void) | null = null;
    onclose: ((e: { code: number; reason: string }) => void) | null = null;
    onmessage: unknown = null;
    onerror: unknown = null;
    constructor(url: string) {
      urls.push(url);
      setTimeout(() => this.onclose?.({ code, reason: 'refused' }), 0);
    }
    send() {}
    close() {}
  } as unknown as typeof WebSocket;
}

describe('RoomHub close codes', () => {
  it('shows 4403 as not allowed and does not retry', async () => {
    const urls: string[] = [];
    const hub = new RoomHub(new HearthDb(`hub-${++n}`), { relayUrl: 'ws://relay', token: 'tok', online: true, WebSocketImpl: closingSocket(4403, urls) });
    const room = hub.open('space/media-wing');
    await vi.waitFor(() => expect(room.status.get().connection).toBe('denied'));
    await new Promise((r) => setTimeout(r, 600));
    // It asks the relay for notices (a stock client does not get them).
    expect(urls).toEqual(['ws://relay/space/media-wing?token=tok&notices=1']);
    hub.destroy();
  });

  it('on 4401 asks for a new token and reconnects with it', async () => {
    const urls: string[] = [];
    const onUnauthorized = vi.fn();
    const hub = new RoomHub(new HearthDb(`hub-${++n}`), { relayUrl: 'ws://relay', token: 'old', online: true, WebSocketImpl: closingSocket(4401, urls), onUnauthorized });
    const room = hub.open('policy');
    await vi.waitFor(() => expect(room.status.get().connection).toBe('unauthorized'));
    expect(onUnauthorized).toHaveBeenCalled();
    hub.setToken('new');
    await vi.waitFor(() => expect(urls.at(-1)).toBe('ws://relay/policy?token=new&notices=1'));
    hub.destroy();
  });

  it('does not dial while offline and connects when the network returns', async () => {
    const urls: string[] = [];
    const hub = new RoomHub(new HearthDb(`hub-${++n}`), { relayUrl: 'ws://relay', token: 't', online: false, WebSocketImpl: closingSocket(1006, urls) });
    const room = hub.open('directory');
    await room.persistence.whenLoaded;
    await new Promise((r) => setTimeout(r, 50));
    expect(urls).toEqual([]);
    expect(room.status.get().connection).toBe('offline');
    hub.setOnline(true);
    await vi.waitFor(() => expect(urls.length).toBeGreaterThan(0));
    hub.destroy();
  });
});
