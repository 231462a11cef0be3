// Test helpers: a real relay on a free port with a temporary data directory, the stock
// WebsocketProvider over `ws`, and a raw client for close codes and notices.
// The storage engine is a parameter of the whole suite: HEARTH_TEST_ENGINE=postgres (the
// `sync-server-postgres` vitest project) keeps every test relay's tables in a fresh PostgreSQL
// database of its own, created from HEARTH_TEST_POSTGRES (default: the local `test` database) and
// dropped by cleanup — other test runs share the server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bucketKeyOf, bucketRoomName, putDirectoryRecords, readSpaceAcross, type SpaceView } from '@hearth/core';
import type { DirectoryRecord } from '@hearth/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { NOTICES_PARAM, decodeNotice } from '../src/protocol/notices.js';
import type { RelayNotice } from '../src/protocol/notices.js';
import { startRelay } from '../src/server/relay.js';
import type { RelayOptions, RunningRelay } from '../src/server/relay.js';
import { createLogger } from '../src/log.js';
import { adminOperations } from '../src/admin/index.js';
import { openStorage, storageConfig, type StorageOptions } from '../src/storage/open-storage.js';
import type { Engine, Storage } from '../src/storage/storage.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';
import type { EntryRecord } from '../src/publication/publication-store.js';

export function person(id: string, overrides: Partial<DirectoryRecord> = {}): DirectoryRecord {
  const given = id.charAt(0).toUpperCase() + id.slice(1);
  // Plausible real names: the directory import applies the real-name rule.
  const families = ['Martin', 'Okafor', 'Lindqvist', 'Moreau', 'Fernandes', 'Nakamura'];
  return {
    id,
    email: `${id}@example.com`,
    givenName: given,
    familyName: families[[...id].reduce((a, c) => a + c.charCodeAt(0), 0) % families.length]!,
    title: 'Engineer',
    department: 'Engineering',
    location: 'London',
    country: 'GB',
    manager: null,
    roles: ['employee'],
    status: 'active',
    ...overrides,
  };
}

// The stock WebsocketProvider adds a process 'exit' listener per provider in Node; tests open dozens.
process.setMaxListeners(200);

/**
 * The room a space's posts published now go into: its time bucket of this month
 * (`space/<id>/<yyyy-mm>`, core's buckets.ts). Tests that read posts open this room; the space
 * document itself (`space/<id>`) holds meta, members and the bucket index.
 */
export function bucketNow(space: string, now = Date.now()): string {
  return bucketRoomName(space, bucketKeyOf(now));
}

/**
 * A space as a client reads it: its document (meta, members, answers, the bucket index) and this
 * month's time bucket (posts, comments, reactions), read together with core's readSpaceAcross.
 */
export async function spaceReader(open: (person: string, room: string) => Promise<TestClient>, person: string, space: string): Promise<{ view(): SpaceView }> {
  const doc = await open(person, `space/${space}`);
  const bucket = await open(person, bucketNow(space));
  return { view: () => readSpaceAcross(doc.doc, [bucket.doc]) };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hearth-relay-test-'));
}

export const TEST_ENGINE: Engine = process.env.HEARTH_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
/** The database test databases are created from (CREATE DATABASE needs a connection somewhere). */
export const TEST_POSTGRES = process.env.HEARTH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

const databases = new Map<string, string>();

/** A connection to the server of TEST_POSTGRES, for CREATE/DROP DATABASE. Fails loudly when it is down. */
async function adminClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL at ${TEST_POSTGRES} is unreachable (HEARTH_TEST_ENGINE=postgres): ${(err as Error).message}`);
  }
  return client;
}

/** A fresh, empty PostgreSQL database; its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `hearth_t_${randomBytes(6).toString('hex')}`;
  const client = await adminClient();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^hearth_t_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const client = await adminClient();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Where a test relay on `dataDir` keeps its tables: the data directory itself on SQLite; on
 * PostgreSQL a database of its own, created on first use and the same for every later relay on
 * that data directory (restarts see what the first relay stored).
 */
export async function testStorageFor(dataDir: string): Promise<{ dataDir: string; postgres?: string }> {
  if (TEST_ENGINE === 'sqlite') return { dataDir };
  let url = databases.get(dataDir);
  if (url === undefined) {
    url = await createTestDatabase();
    databases.set(dataDir, url);
  }
  return { dataDir, postgres: url };
}

/** `--data DIR` and, on PostgreSQL, `--postgres URL`: the built CLI's options for a test relay's storage. */
export function storageArgs(dataDir: string): string[] {
  const url = databases.get(dataDir);
  return url === undefined ? ['--data', dataDir] : ['--data', dataDir, '--postgres', url];
}

/** The storage a relay on `dataDir` would open (for tests that write behind a stopped relay). */
export async function openTestStorage(dataDir: string, options: StorageOptions = {}): Promise<Storage> {
  const where = await testStorageFor(dataDir);
  mkdirSync(dataDir, { recursive: true });
  return openStorage(storageConfig(where.dataDir, where.postgres), options);
}

/**
 * For the tests of one describe block: each call opens storage on a fresh data directory (a
 * database of its own on PostgreSQL); all of it is closed and removed after each test.
 */
export function freshStorages(): () => Promise<Storage> {
  const dirs: string[] = [];
  const opened: Storage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await removeTestData(d);
  });
  return async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const storage = await openTestStorage(dir);
    opened.push(storage);
    return storage;
  };
}

/** The publication record of a post published at `updatedAt`, for the stores' tests. */
export const publishedRecord = (entryId: string, owner: string, updatedAt = 1000): EntryRecord => ({
  entryId,
  owner,
  fingerprint: `fp-${entryId}`,
  version: 1,
  outcome: 'published',
  targetRoom: 'space/general',
  publishedVersion: 1,
  entryType: 'post',
  updatedAt,
});

/** Removes a test data directory and, on PostgreSQL, its database. */
export async function removeTestData(dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  const url = databases.get(dataDir);
  if (url !== undefined) {
    databases.delete(dataDir);
    await dropTestDatabase(url);
  }
}

export interface TestRelay extends RunningRelay {
  dataDir: string;
  cleanup(): Promise<void>;
}

/** The metrics token test relays are started with (GET /metrics is not public without one). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export async function startTestRelay(options: Partial<RelayOptions> = {}, people = ['alice', 'bob', 'carol']): Promise<TestRelay> {
  const dataDir = options.dataDir ?? tempDataDir();
  const relay = await startRelay({ port: 0, host: '127.0.0.1', logger: createLogger(), metrics: { kind: 'token', token: TEST_METRICS_TOKEN }, ...options, ...(await testStorageFor(dataDir)) });
  await relay.host.write('directory', (doc) => {
    putDirectoryRecords(doc, [...people.map((p) => person(p)), person('dave', { status: 'left' })]);
  });
  return {
    ...relay,
    dataDir,
    async cleanup() {
      await relay.stop();
      await removeTestData(dataDir);
    },
  };
}

/**
 * A relay started again on the storage of an earlier test relay (its data directory and, on
 * PostgreSQL, its database): what a restart of the same deployment sees. Nothing is written first.
 * The caller stops it; the first relay's `cleanup` removes the data afterwards.
 */
export async function restartTestRelay(dataDir: string, options: Partial<RelayOptions> = {}): Promise<RunningRelay> {
  return startRelay({ port: 0, host: '127.0.0.1', logger: createLogger(), metrics: { kind: 'token', token: TEST_METRICS_TOKEN }, ...options, ...(await testStorageFor(dataDir)) });
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  notices: RelayNotice[];
  closes: number[];
  destroy(): void;
}

/** The stock WebsocketProvider; with `notices` (the default) it asks for relay notices as the app does. */
export function connectProvider(url: string, room: string, token: string | null, doc = new Y.Doc(), { notices: asksForNotices = true } = {}): TestClient {
  const provider = new WebsocketProvider(url, room, doc, {
    params: { ...(token === null ? {} : { token }), ...(asksForNotices ? { [NOTICES_PARAM]: '1' } : {}) },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const notices: RelayNotice[] = [];
  const closes: number[] = [];
  provider.messageHandlers[100] = (_encoder, decoder) => {
    const n = decodeNoticeFrom(decoder);
    if (n !== null) notices.push(n);
  };
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push(event.code);
  });
  return {
    doc,
    provider,
    notices,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function decodeNoticeFrom(decoder: decoding.Decoder): RelayNotice | null {
  const rest = decoding.readTailAsUint8Array(decoder);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 100);
  encoding.writeUint8Array(e, rest);
  return decodeNotice(encoding.toUint8Array(e));
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function synced(client: TestClient): Promise<void> {
  return waitFor(() => client.provider.synced, 5000, 'sync');
}

/** A raw socket: resolves with the close code and reason, collecting notices and messages. */
export interface RawClient {
  ws: WebSocket;
  messages: Uint8Array[];
  notices: RelayNotice[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

export function rawClient(url: string, room: string, token: string | null, { notices: asksForNotices = true } = {}): RawClient {
  const query = new URLSearchParams({ ...(token === null ? {} : { token }), ...(asksForNotices ? { [NOTICES_PARAM]: '1' } : {}) }).toString();
  const ws = new WebSocket(`${url}/${room}${query === '' ? '' : `?${query}`}`);
  const messages: Uint8Array[] = [];
  const notices: RelayNotice[] = [];
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    messages.push(bytes);
    const n = decodeNotice(bytes);
    if (n !== null) notices.push(n);
  });
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return { ws, messages, notices, opened, closed };
}

/** GET /metrics of a test relay, with its token: the Prometheus text. */
export async function fetchMetrics(relay: RunningRelay): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${relay.port}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  return res.text();
}

/** Runs an admin operation the way the endpoint and the CLI do; throws with the reason if refused. */
export async function runAdmin(relay: RunningRelay, op: string, body: unknown): Promise<unknown> {
  const run = adminOperations[op];
  if (!run) throw new Error(`no admin operation ${op}`);
  const r = await run({ host: relay.host, db: relay.storage.db }, body);
  if (!r.ok) throw new Error(`${op}: ${r.error} ${JSON.stringify(r.details ?? '')}`);
  return r.result;
}

/** Synced clients of a test's relay (read lazily: the relay starts in beforeAll), destroyed together. */
export function clientPool(relay: () => RunningRelay) {
  const clients: TestClient[] = [];
  return {
    async open(person: string, room: string, doc?: Y.Doc): Promise<TestClient> {
      const r = relay();
      const c = connectProvider(r.url, room, await r.mintToken(person), doc);
      clients.push(c);
      await synced(c);
      return c;
    },
    destroyAll(): void {
      for (const c of clients.splice(0)) c.destroy();
    },
  };
}

/** The built `hearth-relay` CLI in a child process (vitest's global setup builds it). */
export const RELAY_BIN = fileURLToPath(new URL('../bin/hearth-relay.js', import.meta.url));

export function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, [RELAY_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEARTH_LOG_LEVEL: 'silent' } });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stdout, stderr })));
}
