// Relay fan-out benchmark: N readers in one room, one author posting at a fixed rate, through
// Hearth's relay and, in the same run, through the stock @y/websocket-server as the baseline.
// Prints delivery latency (p50, p99), losses and the ratio to the baseline for each N, then memory
// per idle connection (RSS delta of the server process over many idle sockets, extrapolated to
// 10,000; target < 1 GiB).
//
// Paths measured for Hearth (say which in every line):
//   publication  authors write posts into their outboxes; the relay stores them, validates them
//                (schema, permission, behaviour policy), publishes them into space/bench, and the
//                readers (distinct people) receive them there. The full Hearth path. Authors take
//                turns, each writing at most half the policy's posting-rate limit in the whole run,
//                so no post is held for review (a held post never reaches the readers).
//   transport    a second author writes a plain map (not an outbox entry, so publication has
//                nothing to do) into outbox/<author2>; readers are N other devices of that person
//                on that outbox: validate, store (fsync), broadcast. The transport alone. At most
//                DEVICES devices: the relay caps one person's connections (200 by default).
//   publication, 2 processes   the same full path on two relay processes on one PostgreSQL database
//                and one Redis (scale-out): the authors on the first process, the readers split
//                evenly over both, so half of them are reached through Redis. Left out, said so,
//                when no PostgreSQL (HEARTH_BENCH_POSTGRES) or Redis (HEARTH_BENCH_REDIS) answers.
//                They start after the first round and idle beside the later ones: for clean
//                single-process figures at every N, run once with HEARTH_BENCH_POSTGRES pointing nowhere.
// Baseline: the stock server (no auth, no persistence), author and readers in one room.
// Every reader connects from 127.0.0.1, so the relays run without the per-address cap (2,000 by
// default; a deployment behind a load balancer sets the same, docs/operations.md).
// A post that does not reach every reader is lost: the run says so and exits 1.
//
// Needs `npx tsc -b` (relay CLI and core dist). Only 127.0.0.1. Usage:
//   node bench/relay-fanout.mjs [--readers 100,1000] [--rate 10] [--seconds 5] [--idle 2000] [--runs 1] [--detail]
// --detail adds, per line, the median time from a post's writing to its first reader (the server's
// own path) and from its first reader to its last (the broadcast loop and the readers' process), and
// the slowest posts, which decide the p99. HEARTH_BENCH_RELAY_NODE_OPTIONS is given to the Hearth
// relay processes only, as NODE_OPTIONS (e.g. `--import` a tracing module, or V8 heap flags).
// --runs R repeats every N R times (new authors each time) and ends with the medians: the p99 of one
// run on a shared two-core machine moves by ±30% with the load, and each ratio pairs a Hearth run
// with the stock run just before it, so the median of the ratios is the figure to compare.
import { median } from './lib/stats.mjs';
import { cli, stockServer } from './lib/build.mjs';
import { freePort, HOST, startProcess } from './lib/processes.mjs';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const { writeAcknowledgement, writePost, readPolicyRaw, bucketRoomName, bucketKeyOf } = await import('@hearth/core');
// Posts are published into the space's bucket of this month (core buckets.ts), not space/bench itself.
const BENCH_POSTS_ROOM = bucketRoomName('bench', bucketKeyOf(Date.now()));
const { mintToken } = await import('@hearth/sync-server');

const { values: args } = parseArgs({
  options: {
    readers: { type: 'string', default: '100,1000' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '5' },
    idle: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '1' },
    detail: { type: 'boolean', default: false },
  },
});
const READERS = args.readers.split(',').map(Number).filter((n) => n > 0 && n <= 5000);
const RATE = Math.min(Math.max(Number(args.rate), 1), 200);
const SECONDS = Math.min(Math.max(Number(args.seconds), 1), 60);
const IDLE = Math.min(Math.max(Number(args.idle), 0), 5000);
const POSTS = Math.round(RATE * SECONDS);
const RUNS = Math.min(Math.max(Math.floor(Number(args.runs)), 1), 9);
const DEVICES = 190;
const RELAY_ENV = process.env.HEARTH_BENCH_RELAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.HEARTH_BENCH_RELAY_NODE_OPTIONS } : {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes

function run(cmdArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEARTH_LOG_LEVEL: 'warn', ...env } });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (out += c));
    p.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmdArgs.join(' ')} exited ${code}: ${out}`))));
  });
}

function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

// ---------------------------------------------------------------------------------------------
// People with plausible real names (the directory import applies the real-name rule)

const GIVEN = ['Amara', 'Bruno', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Nikolai', 'Olga', 'Pedro', 'Quentin', 'Rosa', 'Sanjay', 'Tomasz', 'Ursula', 'Viktor', 'Wanjiru', 'Xavier', 'Yara', 'Zoltan', 'Aisha', 'Benedikt', 'Carmen', 'Daniel', 'Esther', 'Felix', 'Giulia', 'Hannah', 'Ivan', 'Julia', 'Kofi', 'Lucia', 'Mateo', 'Nadia'];
const FAMILY = ['Okafor', 'Lindqvist', 'Moreau', 'Fernandes', 'Nakamura', 'Kowalski', 'Haddad', 'Schmidt', 'Rossi', 'Novak', 'Petrov', 'Mensah', 'Silva', 'Dubois', 'Jensen', 'Murphy', 'Kaur', 'Tanaka', 'Ivanova', 'Costa', 'Bauer', 'Horvat', 'Nilsen', 'Ahmed', 'Garcia', 'Keller', 'Larsen', 'Mwangi', 'Oliveira', 'Park', 'Quinn', 'Reyes', 'Sato', 'Toivonen', 'Umarov', 'Vargas', 'Weber', 'Yilmaz', 'Zimmermann', 'Adeyemi'];

/** `author`, `author2`, `count` readers r0001…, and the publication authors p001… */
function people(count, authors = 0) {
  const records = [];
  for (let i = 0; i <= count + 1 + authors; i++) {
    const id = i === 0 ? 'author' : i === 1 ? 'author2' : i <= count + 1 ? `r${String(i - 1).padStart(4, '0')}` : authorId(i - count - 2);
    records.push({
      id,
      email: `${id}@bench.example`,
      givenName: GIVEN[i % GIVEN.length],
      familyName: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length],
      title: 'Analyst',
      department: 'Research',
      location: 'London',
      country: 'GB',
      manager: null,
      roles: ['employee'],
      status: 'active',
    });
  }
  return records;
}

const authorId = (k) => `p${String(k + 1).padStart(3, '0')}`;

/** The lowest posting-rate limit of the policy (posts per hour or per day), or Infinity. */
function postingLimit(policySource) {
  const rules = Array.isArray(policySource?.rules) ? policySource.rules : [];
  const limits = rules.filter((r) => r?.kind === 'posting-rate').flatMap((r) => [r.maxPerHour, r.maxPerDay]).filter(Number.isFinite);
  return limits.length === 0 ? Infinity : Math.min(...limits);
}

// ---------------------------------------------------------------------------------------------
// Clients

const MARK = Buffer.from('#BENCH-');

const writeBenchPost = (doc, seq, body) => writePost(doc, { space: 'bench', title: `Post ${seq}`, body });
const writePlain = (doc, seq, body) => doc.getMap('bench').set(String(seq), body);

/** A raw reader: records when each `#BENCH-<seq>#` marker first arrives, and a close by the server. */
function reader(url, onMark) {
  const ws = new WebSocket(url);
  const seen = new Set();
  let admitted;
  const ready = new Promise((resolve, reject) => {
    admitted = resolve;
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`reader closed ${code}`)));
  });
  const state = { ws, ready, closedWith: null };
  ws.once('close', (code) => (state.closedWith = code));
  ws.on('message', (data) => {
    const now = performance.now();
    admitted();
    let at = data.indexOf(MARK);
    while (at >= 0) {
      const end = data.indexOf(35, at + MARK.length); // '#'
      const seq = Number(data.subarray(at + MARK.length, end).toString());
      if (!seen.has(seq)) {
        seen.add(seq);
        onMark(seq, now);
      }
      at = data.indexOf(MARK, end);
    }
  });
  return state;
}

// Stock providers: they do not ask for relay notices, so the relay sends none.
function provider(url, room, token, doc = new Y.Doc()) {
  const p = new WebsocketProvider(url, room, doc, { params: token ? { token } : {}, WebSocketPolyfill: WebSocket, disableBc: true });
  return { doc, p, synced: new Promise((r) => (p.synced ? r() : p.once('synced', r))) };
}

/**
 * `authors` ({ room, token }) write the posts in turn: post `seq` by authors[seq % authors.length].
 */
async function fanout({ label, url, readerUrl = () => url, readerRoom, readerToken, authors, n, prepareAuthor, write = writeBenchPost }) {
  const sent = new Map();
  /** Per post: when its first and its last reader had it (ms after it was written). */
  const perPost = new Map();
  const latencies = [];
  const readers = [];
  for (let i = 0; i < n; i++) {
    readers.push(reader(`${readerUrl(i)}/${readerRoom}${readerToken ? `?token=${await readerToken(i)}` : ''}`, (seq, now) => {
      const t = sent.get(seq);
      if (t !== undefined) {
        latencies.push(now - t);
        const post = perPost.get(seq) ?? perPost.set(seq, { first: Infinity, last: 0 }).get(seq);
        post.first = Math.min(post.first, now - t);
        post.last = Math.max(post.last, now - t);
      }
    }));
    if (i % 100 === 99) await sleep(20); // do not trip the OS accept backlog
  }
  await Promise.all(readers.map((r) => r.ready));
  const writers = authors.map((a) => provider(url, a.room, a.token));
  await Promise.all(writers.map((w) => w.synced));
  if (prepareAuthor) await Promise.all(writers.map((w) => prepareAuthor(w.doc)));
  await sleep(300);
  const run = Date.now().toString(36);
  const start = performance.now();
  for (let seq = 0; seq < POSTS; seq++) {
    const due = start + (seq * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.set(seq, performance.now());
    write(writers[seq % writers.length].doc, seq, `Bench ${run} #BENCH-${seq}# at a steady rate.`);
  }
  const expected = POSTS * n;
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline) await sleep(50);
  // Readers the server closed before the end (a slow reader is cut with 1013), by close code.
  const closed = {};
  for (const r of readers) if (r.closedWith !== null) closed[r.closedWith] = (closed[r.closedWith] ?? 0) + 1;
  for (const r of readers) r.ws.terminate();
  for (const w of writers) w.p.destroy();
  // Per post: the time to its first reader (the server's own path) and from its first reader to its
  // last (the broadcast loop and the readers' process); the p99 is decided by the slowest few posts.
  const posts = [...perPost.entries()];
  const middle = (values) => values.sort((a, b) => a - b)[values.length >> 1] ?? NaN;
  const detail = {
    first: middle(posts.map(([, p]) => p.first)),
    spread: middle(posts.map(([, p]) => p.last - p.first)),
    slowest: posts.sort((a, b) => b[1].last - a[1].last).slice(0, 3).map(([seq, p]) => ({ seq, first: p.first, spread: p.last - p.first })),
  };
  latencies.sort((a, b) => a - b);
  const q = (p) => (latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]);
  return { label, n, p50: q(0.5), p99: q(0.99), lost: expected - latencies.length, expected, closed, detail };
}

/** RSS growth of a fresh server process over `count` idle sockets, opened in two halves. */
async function idleMemory({ url, room, token, pid, count }) {
  const open = async (from, to) => {
    const sockets = [];
    for (let i = from; i < to; i++) {
      sockets.push(reader(`${url}/${room}${token ? `?token=${await token(i)}` : ''}`, () => {}));
      if (i % 100 === 99) await sleep(20);
    }
    await Promise.all(sockets.map((s) => s.ready));
    await sleep(1500);
    return sockets;
  };
  // warm up (first connection loads the rooms, JIT), then measure
  for (const s of await open(0, 50)) s.ws.terminate();
  await sleep(1500);
  const before = rssBytes(pid);
  const first = await open(0, count / 2);
  const half = rssBytes(pid);
  const second = await open(count / 2, count);
  const after = rssBytes(pid);
  for (const s of [...first, ...second]) s.ws.terminate();
  const perConnection = (after - before) / count;
  return { perConnection, secondHalf: (after - half) / (count / 2), at10k: perConnection * 10_000, before, after };
}

// ---------------------------------------------------------------------------------------------
// Scale-out: two relay processes on a PostgreSQL database of their own and one Redis

const cleanups = [];

/** Two relay processes sharing keys, database and Redis, with the bench's people and space; null when unavailable. */
async function startScaleOut(extraAuthors) {
  const admin = process.env.HEARTH_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redis = process.env.HEARTH_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
  if (!(await client.connect().then(() => true, () => false))) {
    console.log(`2 processes left out: no PostgreSQL at ${admin}`);
    return null;
  }
  const name = `hearth_fanout_${process.pid}`;
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const postgres = url.toString();
  const dirs = [mkdtempSync(join(tmpdir(), 'hearth-fanout-a-')), mkdtempSync(join(tmpdir(), 'hearth-fanout-b-'))];
  cleanups.push(async () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const env = { HEARTH_LOG_LEVEL: 'warn', HEARTH_REDIS_PREFIX: `hearth-bench-${process.pid}:`, ...RELAY_ENV };
  const serve = (dir) => startProcess([cli, 'serve', '--port', '0', '--host', HOST, '--data', dir, '--postgres', postgres, '--redis', redis, '--rate', '10000/s:10000', '--max-connections-per-address', '0'], env, /listening on (ws:\/\/\S+)/);
  let first;
  try {
    first = await serve(dirs[0]);
  } catch (err) {
    console.log(`2 processes left out: ${String(err.message).split('\n')[0].slice(0, 200)}`);
    return null;
  }
  procs.push(first.proc);
  // Every process signs and verifies with the same keys (a deployment copies them).
  for (const f of ['relay-signing.key', 'audit-ed25519.key', 'audit-ed25519.pub']) if (existsSync(join(dirs[0], f))) copyFileSync(join(dirs[0], f), join(dirs[1], f));
  const second = await serve(dirs[1]);
  procs.push(second.proc);
  writeFileSync(join(dirs[0], 'people.json'), JSON.stringify(people(maxPeople, extraAuthors)));
  await run([cli, 'directory', 'import', join(dirs[0], 'people.json'), '--data', dirs[0], '--postgres', postgres]);
  await run([cli, 'space', 'create', 'bench', '--name', 'Bench', '--data', dirs[0], '--postgres', postgres]);
  const key = new Uint8Array(Buffer.from(readFileSync(join(dirs[0], 'relay-signing.key'), 'utf8').trim(), 'base64'));
  const tokens = new Map();
  return {
    urls: [first.match[1], second.match[1]],
    tokenOf: async (id) => tokens.get(id) ?? tokens.set(id, await mintToken(key, id, { ttl: '1h' })).get(id),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
const times = (a, b) => (Number.isFinite(a / b) ? `×${(a / b).toFixed(2)}` : 'n/a');
const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const maxPeople = Math.max(...READERS, IDLE);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-fanout-'));
const procs = [];
const results = [];

try {
  // Hearth: the relay (only `serve` creates a data directory), then through it the directory and a
  // public space; once the policy's posting-rate limit is known, the authors who share the posts.
  const hearth = await startProcess([cli, 'serve', '--port', '0', '--host', HOST, '--data', dataDir, '--rate', '10000/s:10000', '--max-connections-per-address', '0'], { HEARTH_LOG_LEVEL: 'warn', ...RELAY_ENV }, /listening on (ws:\/\/\S+)/);
  procs.push(hearth.proc);
  const hearthUrl = hearth.match[1];
  const importPeople = async (authors) => {
    writeFileSync(join(dataDir, 'people.json'), JSON.stringify(people(maxPeople, authors)));
    await run([cli, 'directory', 'import', join(dataDir, 'people.json'), '--data', dataDir]);
  };
  await importPeople(0);
  await run([cli, 'space', 'create', 'bench', '--name', 'Bench', '--data', dataDir]);
  const key = new Uint8Array(Buffer.from(readFileSync(join(dataDir, 'relay-signing.key'), 'utf8').trim(), 'base64'));
  const tokens = new Map();
  const tokenOf = async (id) => tokens.get(id) ?? tokens.set(id, await mintToken(key, id, { ttl: '1h' })).get(id);
  const readerId = (i) => `r${String(i + 1).padStart(4, '0')}`;
  const authorToken = await tokenOf('author');
  const author2Token = await tokenOf('author2');
  const policy = provider(hearthUrl, 'policy', authorToken);
  await policy.synced;
  const policyVersion = readPolicyRaw(policy.doc)?.version ?? 1;
  const limit = postingLimit(readPolicyRaw(policy.doc));
  policy.p.destroy();
  const perAuthor = Number.isFinite(limit) ? Math.max(1, Math.floor(limit / 2)) : POSTS;
  const authorsPerRound = Math.ceil(POSTS / perAuthor);
  const ROUNDS = READERS.length * RUNS;
  await importPeople(authorsPerRound * ROUNDS);
  console.log(`Posting-rate limit ${Number.isFinite(limit) ? limit : 'none'}: ${authorsPerRound} authors per round, ${Math.min(perAuthor, POSTS)} posts each at most`);
  const acknowledge = async (doc) => {
    writeAcknowledgement(doc, { policyVersion });
    await sleep(500);
  };

  // Stock baseline.
  const stockPort = await freePort();
  const stock = await startProcess([stockServer], { HOST, PORT: String(stockPort) }, /running at/);
  procs.push(stock.proc);
  const stockUrl = `ws://${HOST}:${stockPort}`;

  // Scale-out: two relay processes on one PostgreSQL database and one Redis, same people and space;
  // started after the first single-process round, which they would otherwise share the CPU with.
  let scaleOut;

  for (let round = 0; round < ROUNDS; round++) {
    const n = READERS[round % READERS.length];
    const base = await fanout({ label: 'stock @y/websocket-server 0.1.1, one room', url: stockUrl, readerRoom: `bench-${n}`, authors: [{ room: `bench-${n}` }], n });
    const devices = Math.min(n, DEVICES);
    const out = await fanout({
      label: `Hearth transport: outbox/author2 -> validate, store (fsync) -> ${devices} other devices of author2${devices < n ? ' (one person\'s connection cap)' : ''}`,
      url: hearthUrl,
      readerRoom: 'outbox/author2',
      readerToken: () => author2Token,
      authors: [{ room: 'outbox/author2', token: author2Token }],
      n: devices,
      write: writePlain,
    });
    const pub = await fanout({
      label: `Hearth publication: outbox of ${authorsPerRound} authors in turn -> validate+policy -> ${BENCH_POSTS_ROOM} -> readers`,
      url: hearthUrl,
      readerRoom: BENCH_POSTS_ROOM,
      readerToken: (i) => tokenOf(readerId(i)),
      authors: await Promise.all(
        Array.from({ length: authorsPerRound }, async (_, k) => {
          const id = authorId(round * authorsPerRound + k);
          return { room: `outbox/${id}`, token: await tokenOf(id) };
        }),
      ),
      n,
      prepareAuthor: acknowledge,
    });
    await sleep(3000); // let publication settle before the next round
    let two = null;
    scaleOut ??= await startScaleOut(authorsPerRound * ROUNDS);
    if (scaleOut !== null) {
      two = await fanout({
        label: `Hearth publication, 2 processes on PostgreSQL + Redis: authors on process 1, readers split over both`,
        url: scaleOut.urls[0],
        readerUrl: (i) => scaleOut.urls[i % 2],
        readerRoom: BENCH_POSTS_ROOM,
        readerToken: (i) => scaleOut.tokenOf(readerId(i)),
        authors: await Promise.all(
          Array.from({ length: authorsPerRound }, async (_, k) => {
            const id = authorId(round * authorsPerRound + k);
            return { room: `outbox/${id}`, token: await scaleOut.tokenOf(id) };
          }),
        ),
        n,
        prepareAuthor: acknowledge,
      });
      await sleep(3000);
    }
    results.push({ n, base, pub, out, ...(two ? { two } : {}) });
    console.log(`\nN = ${n} readers${RUNS > 1 ? `, run ${Math.floor(round / READERS.length) + 1} of ${RUNS}` : ''}, ${POSTS} posts at ${RATE}/s (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
    for (const r of [base, out, pub, ...(two ? [two] : [])]) {
      const ratio = r === base ? '' : `  ratio to stock p50 ${times(r.p50, base.p50)}, p99 ${times(r.p99, base.p99)}`;
      const closes = Object.entries(r.closed).map(([code, count]) => `${count} closed with ${code}`).join(', ');
      console.log(`  ${r.label}\n    p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  lost ${r.lost}/${r.expected} (not delivered within 10 s of the last post${closes ? `; readers: ${closes}` : ''})${ratio}`);
      if (args.detail) {
        const { first, spread, slowest } = r.detail;
        console.log(`    per post, median: first reader ${fmt(first)}, first to last reader ${fmt(spread)}; slowest posts: ${slowest.map((p) => `#${p.seq} ${p.first.toFixed(1)} + ${p.spread.toFixed(1)} ms`).join(', ')}`);
      }
    }
  }

  if (RUNS > 1) {
    console.log(`\nMedians over ${RUNS} runs (ratios: the median of each run's ratio to the stock run just before it)`);
    for (const n of READERS) {
      const runs = results.filter((r) => r.n === n);
      console.log(`  N = ${n}`);
      for (const key of ['base', 'out', 'pub', 'two']) {
        const rs = runs.map((r) => ({ r: r[key], base: r.base })).filter((x) => x.r !== undefined);
        if (rs.length === 0) continue;
        const ratios = key === 'base' ? '' : `  ratio p50 ×${median(rs.map((x) => x.r.p50 / x.base.p50)).toFixed(2)}, p99 ×${median(rs.map((x) => x.r.p99 / x.base.p99)).toFixed(2)}`;
        console.log(`    ${rs[0].r.label.split(':')[0].padEnd(62)} p50 ${fmt(median(rs.map((x) => x.r.p50)))}  p99 ${fmt(median(rs.map((x) => x.r.p99)))}${ratios}`);
      }
    }
  }

  if (IDLE > 0) {
    // Fresh processes: garbage from the fan-out runs would make the RSS delta meaningless.
    for (const p of procs.splice(0)) p.kill('SIGTERM');
    await sleep(1500);
    const hearthIdle = await startProcess([cli, 'serve', '--port', '0', '--host', HOST, '--data', dataDir, '--max-connections-per-address', '0'], { HEARTH_LOG_LEVEL: 'warn' }, /listening on (ws:\/\/\S+)/);
    procs.push(hearthIdle.proc);
    const idlePort = await freePort();
    const stockIdle = await startProcess([stockServer], { HOST, PORT: String(idlePort) }, /running at/);
    procs.push(stockIdle.proc);
    const h = await idleMemory({ url: hearthIdle.match[1], room: 'space/bench', token: (i) => tokenOf(readerId(i % maxPeople)), pid: hearthIdle.proc.pid, count: IDLE });
    const s = await idleMemory({ url: `ws://${HOST}:${idlePort}`, room: 'bench-idle', pid: stockIdle.proc.pid, count: IDLE });
    console.log(`\nMemory per idle connection (${IDLE} idle sockets on a fresh server process, RSS growth)`);
    const line = (r) => `${(r.perConnection / 1024).toFixed(1)} KiB (second half ${(r.secondHalf / 1024).toFixed(1)} KiB; RSS ${mib(r.before)} -> ${mib(r.after)}) -> 10,000 connections ≈ ${mib(r.at10k)}`;
    console.log(`  Hearth relay, space/bench, authenticated: ${line(h)} (target < 1024 MiB: ${h.at10k < 1024 ** 3 ? 'met' : 'NOT met'})`);
    console.log(`  stock server:                             ${line(s)}`);
  }
} finally {
  for (const p of procs) p.kill('SIGTERM');
  await sleep(500);
  rmSync(dataDir, { recursive: true, force: true });
  for (const clean of cleanups) await clean().catch(() => undefined);
}
// Figures from a run that lost posts describe something else than the path they name.
const losses = results.flatMap(({ n, base, pub, out, two }) => [base, out, pub, ...(two ? [two] : [])].filter((r) => r.lost > 0).map((r) => `${r.lost}/${r.expected} at N = ${n}: ${r.label}`));
if (losses.length > 0) {
  console.error(`\nLOST POSTS: the figures above are not valid.\n  ${losses.join('\n  ')}`);
  process.exit(1);
}
process.exit(0);
