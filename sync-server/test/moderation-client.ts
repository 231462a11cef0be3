// A moderator's app for tests: an automerge-repo Repo in Node whose network is one WebSocket to the
// relay's `/automerge` path (automerge-repo's join/peer handshake in CBOR), with an offline switch.
// Why not the stock WebSocketClientAdapter: it reconnects on its own, and a test needs to go
// offline, decide, and come back exactly when it says so — and to see the relay's close codes.
import * as A from '@automerge/automerge';
import { NetworkAdapter, Repo, cbor } from '@automerge/automerge-repo';
import type { DocHandle, Message, PeerId, PeerMetadata } from '@automerge/automerge-repo';
import { currentDecisionIds, moderatorActorId, type CaseAction, type ModerationCase } from '@hearth/core';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { putDirectoryRecords, writeAcknowledgement } from '@hearth/core';
import { afterAll, beforeAll } from 'vitest';
import { clientPool, person, runAdmin as admin, startTestRelay, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';
import type { RelayOptions } from '../src/server/relay.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;



class TestClientAdapter extends NetworkAdapter {
  ws: WebSocket | null = null;
  readonly closes: number[] = [];
  private remote: PeerId | null = null;

  constructor(private readonly url: string) {
    super();
  }

  isReady(): boolean {
    return true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata ?? {};
    this.online();
  }

  online(): void {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => ws.send(cbor.encode({ type: 'join', senderId: this.peerId, peerMetadata: this.peerMetadata, supportedProtocolVersions: ['1'] })));
    ws.on('message', (data: Buffer) => {
      const message = cbor.decode(new Uint8Array(data)) as Message & { peerMetadata?: PeerMetadata };
      if (message.type === 'peer') {
        this.remote = message.senderId;
        this.emit('peer-candidate', { peerId: message.senderId, peerMetadata: message.peerMetadata ?? {} });
      } else if (message.type !== 'error') this.emit('message', message);
    });
    ws.on('error', () => {});
    ws.on('close', (code) => {
      this.closes.push(code);
      if (this.ws === ws) this.ws = null;
      if (this.remote !== null) this.emit('peer-disconnected', { peerId: this.remote });
      this.remote = null;
    });
  }

  offline(): void {
    this.ws?.close(1000, 'offline');
  }

  send(message: Message): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(cbor.encode(message));
  }

  disconnect(): void {
    this.offline();
  }
}

export interface ModeratorClient {
  person: string;
  repo: Repo;
  network: TestClientAdapter;
  /** Case files the relay has announced to this client, by case id. */
  cases(): Map<string, DocHandle<ModerationCase>>;
  waitForCase(match: (c: ModerationCase) => boolean, what?: string): Promise<DocHandle<ModerationCase>>;
  /** Decides as this person (their bound actor), naming the current decisions as superseded. */
  decide(handle: DocHandle<ModerationCase>, action: CaseAction, note?: string, role?: string): string;
  /** Any change to a case file, written as this person (their bound actor): what a modified app could send. */
  write(handle: DocHandle<ModerationCase>, fn: (doc: ModerationCase) => void): void;
  offline(): Promise<void>;
  online(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export function connectModerator(relayUrl: string, person: string, token: string, device = (counter++).toString(16).padStart(32, '0')): ModeratorClient {
  const network = new TestClientAdapter(`${relayUrl}/automerge?token=${encodeURIComponent(token)}`);
  const repo = new Repo({ network: [network], peerId: `${person}-${device}` as PeerId, sharePolicy: () => Promise.resolve(true) });
  const actor = moderatorActorId(person, device);
  const bind = (handle: DocHandle<ModerationCase>) => handle.update((doc) => (A.getActorId(doc) === actor ? doc : A.clone(doc, { actor })));
  const cases = () => {
    const out = new Map<string, DocHandle<ModerationCase>>();
    for (const handle of Object.values(repo.handles) as Array<DocHandle<ModerationCase>>) {
      if (!handle.isReady()) continue;
      const doc = handle.doc();
      if (doc.schema === 'hearth-case/1') out.set(doc.id, handle);
    }
    return out;
  };
  return {
    person,
    repo,
    network,
    cases,
    async waitForCase(match, what = 'case') {
      let found: DocHandle<ModerationCase> | undefined;
      await waitFor(() => (found = [...cases().values()].find((h) => match(h.doc()))) !== undefined, 8000, what);
      return found!;
    },
    decide(handle, action, note = '', role) {
      const id = `${person}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
      bind(handle);
      const supersedes = currentDecisionIds(JSON.parse(JSON.stringify(handle.doc())) as ModerationCase);
      handle.change((d) => {
        d.decisions[id] = { id, by: person, at: Date.now(), action, note, role: role ?? null, supersedes };
      });
      return id;
    },
    write(handle, fn) {
      bind(handle);
      handle.change(fn);
    },
    async offline() {
      network.offline();
      await waitFor(() => network.ws === null, 5000, 'offline');
    },
    async online() {
      network.online();
      await waitFor(() => repo.peers.length > 0, 5000, 'online');
    },
    async close() {
      network.offline();
      await repo.shutdown();
    },
  };
}

/** A relay with moderators (mona, max), a facilitator of media-wing (fay), HR (hana) and the demo policy. */
export async function moderationRelay(dataDir?: string, options: Partial<RelayOptions> = {}): Promise<TestRelay> {
  const relay = await startTestRelay({ moderationSettleMs: 500, ...options, ...(dataDir === undefined ? {} : { dataDir }) });
  await relay.host.write('directory', (doc) => {
    putDirectoryRecords(doc, [
      person('alice'),
      person('bob'),
      person('erin'),
      person('mona', { roles: ['employee', 'moderator'] }),
      person('max', { roles: ['employee', 'moderator'] }),
      person('fay', { roles: ['employee', 'facilitator'] }),
      person('hana', { department: 'HR' }),
    ]);
  });
  if (dataDir === undefined) {
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'media-wing', name: 'Media wing', visibility: 'private', facilitators: ['fay'], members: ['alice'] });
  }
  return relay;
}


/**
 * One moderation relay for a describe block (started in beforeAll, with alice, bob and erin having
 * acknowledged the policy), a pool of y-websocket clients and of moderator apps, all closed after.
 */
export function useModerationRelay() {
  let relay: TestRelay | null = null;
  const current = (): TestRelay => {
    if (relay === null) throw new Error('the moderation relay starts in beforeAll');
    return relay;
  };
  const clients = clientPool(current);
  const moderators: ModeratorClient[] = [];
  beforeAll(async () => {
    relay = await moderationRelay();
    for (const who of ['alice', 'bob', 'erin']) writeAcknowledgement((await clients.open(who, `outbox/${who}`)).doc, { policyVersion: 3 });
  });
  afterAll(async () => {
    for (const m of moderators) await m.close();
    clients.destroyAll();
    await relay?.cleanup();
  });
  return {
    relay: current,
    open: clients.open,
    async moderator(who: string): Promise<ModeratorClient> {
      const m = connectModerator(current().url, who, await current().mintToken(who));
      moderators.push(m);
      return m;
    },
  };
}
