// Relay memory, side by side with the stock @y/websocket-server, each a fresh process:
//   idle connections  RSS growth over N idle authenticated connections to one room (N = --idle,
//                     default 1000,5000), per connection and extrapolated to 10,000 (target < 1 GiB)
//   loaded rooms      RSS growth with --rooms (default 1000) rooms loaded at once, each held by one
//                     connection and holding a small document (--notes notes of ~200 bytes: the
//                     size of a person's outbox after a few weeks), per room, with the connections'
//                     own share (measured above) taken out
// Hearth runs `hearth-relay serve` on SQLite; every connection is a distinct person (the relay caps
// one person's connections). RSS is read from /proc after a pause, so it includes garbage not yet
// collected: the figures are upper bounds, noisy on a shared machine (run it a few times).
//
// Needs `npx tsc -b`. Usage: node bench/relay-memory.mjs [--idle 1000,5000] [--rooms 1000] [--notes 20]
import { cli, stockServer } from './lib/build.mjs';
import { freePort, HOST, startProcess } from './lib/processes.mjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const { putDirectoryRecords } = await import('@hearth/core');
const { startRelay } = await import('../sync-server/dist/server/relay.js');
const { openStorage, storageConfig } = await import('../sync-server/dist/storage/open-storage.js');
const { createLogger } = await import('../sync-server/dist/log.js');
const { mintToken } = await import('@hearth/sync-server');

const { values } = parseArgs({ options: { idle: { type: 'string', default: '1000,5000' }, rooms: { type: 'string', default: '1000' }, notes: { type: 'string', default: '20' } } });
const IDLE = values.idle.split(',').map(Number).filter((n) => n > 0 && n <= 10_000).sort((a, b) => a - b);
const ROOMS = Math.min(Math.max(Number(values.rooms), 1), 5000);
const NOTES = Math.min(Math.max(Number(values.notes), 1), 500);
const PEOPLE = Math.max(...IDLE, ROOMS);
process.setMaxListeners(0); // a thousand stock providers each listen for the process's exit
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
const personId = (i) => `m${String(i).padStart(5, '0')}`;
const note = (i, k) => `Note ${k} of ${personId(i)}: ${'the quarterly figures are in the shared drive. '.repeat(4)}`;

/** Opens sockets from..to (exclusive) and waits until each has had its first message. */
async function openSockets(urlOf, from, to) {
  const sockets = [];
  for (let i = from; i < to; i++) {
    const ws = new WebSocket(await urlOf(i));
    sockets.push(
      new Promise((resolve, reject) => {
        ws.once('message', () => resolve(ws));
        ws.once('error', reject);
        ws.once('close', (code) => reject(new Error(`closed ${code}`)));
      }),
    );
    if (i % 100 === 99) await sleep(20); // do not trip the OS accept backlog
  }
  return Promise.all(sockets);
}

async function settle(pid) {
  await sleep(2000);
  return rss(pid);
}

/** RSS growth over the IDLE counts of idle sockets (cumulative), per connection. */
async function idle(pid, urlOf) {
  for (const ws of await openSockets(urlOf, 0, 20)) ws.terminate(); // warm up: room loaded, JIT
  const before = await settle(pid);
  const open = [];
  const rows = [];
  for (const n of IDLE) {
    open.push(...(await openSockets(urlOf, open.length, n)));
    const now = await settle(pid);
    rows.push({ n, perConnection: (now - before) / n, rss: now });
  }
  for (const ws of open) ws.terminate();
  return { before, rows };
}

/** RSS growth with ROOMS rooms loaded, each held by one socket: per room (its connection included) and beyond the connection. */
async function rooms(pid, urlOf, perConnection) {
  for (const ws of await openSockets(urlOf, 0, 5)) ws.terminate();
  await sleep(500);
  const before = await settle(pid);
  const open = await openSockets(urlOf, 0, ROOMS);
  const after = await settle(pid);
  for (const ws of open) ws.terminate();
  const withConnection = (after - before) / ROOMS;
  return { before, after, withConnection, perRoom: withConnection - perConnection };
}

console.log(`cpus ${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (RSS includes uncollected garbage: upper bounds, noisy)`);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-mem-'));
const procs = [];
const providers = [];
try {
  // Hearth: the company (PEOPLE people, a public space), and every person's outbox with NOTES notes.
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: personId(i),
    email: `${personId(i)}@bench.example`,
    givenName: ['Ana', 'Bruno', 'Chloé', 'Dmitri', 'Elena', 'Farid'][i % 6],
    familyName: ['Martin', 'Okafor', 'Lindqvist', 'Moreau', 'Nakamura'][i % 5],
    title: 'Analyst',
    department: 'Research',
    location: 'London',
    country: 'GB',
    manager: null,
    roles: ['employee'],
    status: 'active',
  }));
  const setup = await startRelay({ port: 0, host: HOST, dataDir, logger: createLogger('silent') });
  await setup.host.write('directory', (doc) => putDirectoryRecords(doc, people));
  const { adminOperations } = await import('../sync-server/dist/admin/index.js');
  await adminOperations['space-create']({ host: setup.host, db: setup.storage.db }, { id: 'bench', name: 'Bench' });
  await setup.stop();
  const storage = await openStorage(storageConfig(dataDir));
  const content = [];
  for (let i = 0; i < ROOMS; i++) {
    const doc = new Y.Doc();
    for (let k = 0; k < NOTES; k++) doc.getMap('bench').set(String(k), note(i, k));
    const update = Y.encodeStateAsUpdate(doc);
    content.push(update);
    await storage.rooms.append(`outbox/${personId(i)}`, [update]);
  }
  await storage.close();
  const key = new Uint8Array(Buffer.from(readFileSync(join(dataDir, 'relay-signing.key'), 'utf8').trim(), 'base64'));
  const tokens = new Map();
  const tokenOf = async (id) => tokens.get(id) ?? tokens.set(id, await mintToken(key, id, { ttl: '2h' })).get(id);
  const roomBytes = content.reduce((n, u) => n + u.byteLength, 0) / ROOMS;

  // Every bench connection comes from 127.0.0.1: the per-address cap (2000) is lifted, the per-person one stays.
  const serveHearth = () => startProcess([cli, 'serve', '--port', '0', '--host', HOST, '--data', dataDir, '--max-connections-per-address', '0'], { HEARTH_LOG_LEVEL: 'warn' }, /listening on (ws:\/\/\S+)/);
  const serveStock = async () => {
    const port = await freePort();
    const s = await startProcess([stockServer], { HEARTH_LOG_LEVEL: 'warn', HOST, PORT: String(port) }, /(running at)/);
    return { ...s, url: `ws://${HOST}:${port}` };
  };

  // Idle connections, fresh processes.
  let hearth = await serveHearth();
  procs.push(hearth.proc);
  const hIdle = await idle(hearth.proc.pid, async (i) => `${hearth.url}/space/bench?token=${await tokenOf(personId(i))}`);
  hearth.proc.kill('SIGTERM');
  let stock = await serveStock();
  procs.push(stock.proc);
  const sIdle = await idle(stock.proc.pid, async () => `${stock.url}/bench-idle`);
  stock.proc.kill('SIGTERM');
  console.log(`\nIdle connections, one room (RSS of a fresh process: Hearth ${mib(hIdle.before)}, stock ${mib(sIdle.before)} before)`);
  for (const [k, h] of hIdle.rows.entries()) {
    const s = sIdle.rows[k];
    console.log(
      `  ${String(h.n).padStart(6)} idle: Hearth ${kib(h.perConnection)} per connection (RSS ${mib(h.rss)}; 10,000 ≈ ${mib(h.perConnection * 10_000)}, target < 1024 MiB: ${h.perConnection * 10_000 < 1024 ** 3 ? 'met' : 'NOT met'})` +
        `   stock ${kib(s.perConnection)} per connection (RSS ${mib(s.rss)})`,
    );
  }

  // Loaded rooms, fresh processes again.
  await sleep(1000);
  hearth = await serveHearth();
  procs.push(hearth.proc);
  await sleep(3000); // the start-up walk of the outboxes (nothing to publish in them) is done
  const hPerConn = hIdle.rows[0].perConnection;
  const hRooms = await rooms(hearth.proc.pid, async (i) => `${hearth.url}/outbox/${personId(i)}?token=${await tokenOf(personId(i))}`, hPerConn);
  hearth.proc.kill('SIGTERM');
  stock = await serveStock();
  procs.push(stock.proc);
  // The stock server keeps a room only while someone is connected: one writer per room fills it and
  // stays, so its rooms are measured from before the writers (two connections per room).
  await sleep(500);
  const stockEmpty = await settle(stock.proc.pid);
  for (let i = 0; i < ROOMS; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, content[i]);
    providers.push(new WebsocketProvider(stock.url, `room-${i}`, doc, { WebSocketPolyfill: WebSocket, disableBc: true }));
    if (i % 100 === 99) await sleep(50);
  }
  await Promise.all(providers.map((p) => (p.synced ? null : new Promise((r) => p.once('synced', r)))));
  const sPerConn = sIdle.rows[0].perConnection;
  const sRooms = await rooms(stock.proc.pid, async (i) => `${stock.url}/room-${i}`, sPerConn);
  console.log(`\n${ROOMS} loaded rooms, each ${(roomBytes / 1024).toFixed(1)} KiB stored (${NOTES} notes), each held by one connection`);
  console.log(`  Hearth relay: RSS ${mib(hRooms.before)} -> ${mib(hRooms.after)}: ${kib(hRooms.withConnection)} per room with its connection, ${kib(hRooms.perRoom)} beyond it`);
  const stockPerRoom = (sRooms.after - stockEmpty) / ROOMS;
  console.log(`  stock server: RSS ${mib(stockEmpty)} -> ${mib(sRooms.after)}: ${kib(stockPerRoom)} per room with its two connections (a writer keeps each room open), ${kib(stockPerRoom - 2 * sPerConn)} beyond them`);
} finally {
  for (const p of providers) p.destroy();
  for (const p of procs) p.kill('SIGTERM');
  await sleep(500);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
