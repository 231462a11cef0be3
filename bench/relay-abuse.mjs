// Relay under abuse from one person: what a well-behaved writer and /healthz see while an attacker
// acts, the relay's memory, and how long a restart takes to listen. One fresh relay process per
// attack (the built CLI), so the attacker's and the bystanders' own work never shares its thread.
//   crafted  updates of thousands of conflicting items (a few dozen KB each), reconnecting when closed
//   bulk     thousands of posts written to one's outbox at once
//   pending  updates whose dependencies never arrive
//   quota    valid 900 KB updates as fast as the socket takes them
//   restart  the crafted attack, then a restart: time until /healthz answers, and to reopen the outbox
// Figures: good writer's edit latency (write → arrival at a reader of the space) p50/p99 during the
// attack against a baseline; /healthz p50/p99/max; relay RSS before and after; restart times.
// Needs `npx tsc -b`. Only 127.0.0.1. Usage: node bench/relay-abuse.mjs [--only crafted,bulk,...]
import { cli, repo } from './lib/build.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const { editEntry, readPolicyRaw, readSpace, writeAcknowledgement, writePost } = await import('@hearth/core');
const { mintToken } = await import('@hearth/sync-server');
const { values: args } = parseArgs({ options: { only: { type: 'string', default: 'crafted,bulk,pending,quota,restart' } } });
const ONLY = new Set(args.only.split(','));
const HOST = '127.0.0.1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(cmdArgs) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEARTH_LOG_LEVEL: 'warn' } });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (out += c));
    p.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmdArgs.join(' ')} exited ${code}: ${out}`))));
  });
}

/** Starts `serve` on `port` (0: free) and resolves once it logs that it listens, with the time taken. */
function serve(dataDir, port = 0) {
  const started = performance.now();
  const proc = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--host', HOST, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEARTH_LOG_LEVEL: 'info' } });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c) => {
      out += c;
      const m = /"url":"ws:\/\/127\.0\.0\.1:(\d+)"/.exec(out) ?? /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1]), url: `ws://${HOST}:${m[1]}`, ms: performance.now() - started });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`relay exited ${code}: ${out.slice(-2000)}`)));
  });
}

const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
const pct = (xs, p) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');

function provider(url, room, token, doc = new Y.Doc()) {
  const p = new WebsocketProvider(url, room, doc, { params: { token }, WebSocketPolyfill: WebSocket, disableBc: true });
  p.messageHandlers[100] = () => {}; // relay notices: not needed here
  return { p, doc, synced: new Promise((r) => p.once('sync', r)) };
}

function updateMessage(update) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function conflicting(n, firstClient) {
  const updates = [];
  for (let i = 0; i < n; i++) {
    const d = new Y.Doc();
    d.clientID = firstClient + i;
    d.getMap('entries').set('01HZZZZZZZZZZZZZZZZZZZZZZZ', i);
    updates.push(Y.encodeStateAsUpdate(d));
  }
  return Y.mergeUpdates(updates);
}

function orphan(client, bytes) {
  const d = new Y.Doc();
  d.clientID = client;
  d.getMap('scratch').set('first', 'x');
  const sv = Y.encodeStateVector(d);
  d.getMap('scratch').set('second', 'y'.repeat(bytes));
  return Y.encodeStateAsUpdate(d, sv);
}

/** Sends messages on the attacker's outbox, reconnecting whenever the relay closes the socket. */
async function flood(url, token, messages, { pauseEvery = 0 } = {}) {
  const closes = {};
  let i = 0;
  while (i < messages.length) {
    const ws = new WebSocket(`${url}/outbox/mallory?token=${token}`);
    ws.on('error', () => {});
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise((r) => ws.once('close', (code) => r(code)));
    let open = true;
    void closed.then((code) => {
      open = false;
      closes[code] = (closes[code] ?? 0) + 1;
    });
    while (open && i < messages.length) {
      ws.send(messages[i++]);
      if (pauseEvery > 0 && i % pauseEvery === 0) await sleep(10);
      await new Promise((r) => setImmediate(r));
    }
    // Wait for the relay to get through what was sent (or to close the socket).
    await Promise.race([closed, (async () => { while (ws.bufferedAmount > 0) await sleep(20); await sleep(1500); })()]);
    if (open) ws.close();
  }
  return closes;
}

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-abuse-'));
  const relay = await serve(dataDir);
  const people = ['alice', 'bob', 'mallory'].map((id, i) => ({ id, email: `${id}@bench.example`, givenName: ['Alice', 'Bruno', 'Maya'][i], familyName: 'Okafor', title: 'Analyst', department: 'Research', location: 'London', country: 'GB', manager: null, roles: ['employee'], status: 'active' }));
  writeFileSync(join(dataDir, 'people.json'), JSON.stringify(people));
  await run([cli, 'directory', 'import', join(dataDir, 'people.json'), '--data', dataDir]);
  await run([cli, 'space', 'create', 'general', '--name', 'General', '--data', dataDir]);
  const key = new Uint8Array(Buffer.from(readFileSync(join(dataDir, 'relay-signing.key'), 'utf8').trim(), 'base64'));
  const token = (id) => mintToken(key, id, { ttl: '1h' });
  const policy = provider(relay.url, 'policy', await token('alice'));
  await policy.synced;
  const policyVersion = readPolicyRaw(policy.doc)?.version ?? 1;
  policy.p.destroy();
  return { dataDir, relay, token, policyVersion };
}

/** The good writer (alice edits one post every 100 ms, bob reads the space) and the /healthz prober. */
async function bystanders(env) {
  const out = provider(env.relay.url, 'outbox/alice', await env.token('alice'));
  const space = provider(env.relay.url, 'space/general', await env.token('bob'));
  await Promise.all([out.synced, space.synced]);
  writeAcknowledgement(out.doc, { policyVersion: env.policyVersion });
  const post = writePost(out.doc, { space: 'general', body: 'Standup at 10.' });
  while (!readSpace(space.doc).posts.some((p) => p.id === post)) await sleep(20);
  const sent = new Map();
  let lat = [];
  let hz = [];
  space.doc.on('update', () => {
    const body = readSpace(space.doc).posts.find((p) => p.id === post)?.body;
    const at = sent.get(body);
    if (at === undefined) return;
    for (const [b, t] of sent) {
      if (t > at) continue;
      lat.push(performance.now() - t);
      sent.delete(b);
    }
  });
  let n = 0;
  const timer = setInterval(() => {
    const body = `Standup at 10 (edit ${++n}).`;
    sent.set(body, performance.now());
    editEntry(out.doc, post, { body });
  }, 100);
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      try {
        await (await fetch(`http://${HOST}:${env.relay.port}/healthz`, { signal: AbortSignal.timeout(60_000) })).text();
      } catch {
        /* counted with its time */
      }
      hz.push(performance.now() - t);
      await sleep(100);
    }
  })();
  return {
    /** Latencies so far, and start afresh. */
    take() {
      const r = { lat, hz, lost: 0 };
      lat = [];
      hz = [];
      return r;
    },
    async stop() {
      clearInterval(timer);
      const deadline = performance.now() + 30_000;
      while (sent.size > 0 && performance.now() < deadline) await sleep(50);
      const now = performance.now();
      for (const t of sent.values()) lat.push(now - t);
      probing = false;
      await probe;
      out.p.destroy();
      space.p.destroy();
      return { lat, hz, lost: sent.size };
    },
  };
}

function report(name, base, during, rssBefore, rssAfter, extra = '') {
  console.log(`${name.padEnd(8)} good writer p50/p99 ${ms(pct(base.lat, 0.5))}/${ms(pct(base.lat, 0.99))} → ${ms(pct(during.lat, 0.5))}/${ms(pct(during.lat, 0.99))} (${during.lat.length} edits, ${during.lost} lost); /healthz p50/p99/max ${ms(pct(during.hz, 0.5))}/${ms(pct(during.hz, 0.99))}/${ms(Math.max(...during.hz))}; RSS ${mb(rssBefore)} → ${mb(rssAfter)}${extra}`);
}

async function scenario(name, attack) {
  const env = await setup();
  try {
    const b = await bystanders(env);
    await sleep(2000);
    const base = b.take();
    const rssBefore = rss(env.relay.proc.pid);
    const extra = await attack(env);
    const during = await b.stop();
    report(name, base, during, rssBefore, rss(env.relay.proc.pid), extra ?? '');
  } finally {
    env.relay.proc.kill('SIGKILL');
    rmSync(env.dataDir, { recursive: true, force: true });
  }
}

console.log(`relay-abuse: ${repo} · load average ${loadavg()[0].toFixed(1)}`);
const attacker = async (env) => ({ token: await env.token('mallory') });

if (ONLY.has('crafted')) {
  const messages = [0, 1, 2, 3, 4].map((m) => updateMessage(conflicting(2000, 10_000 + m * 2000)));
  await scenario('crafted', async (env) => {
    const closes = {};
    for (const m of messages) for (const [code, n] of Object.entries(await flood(env.relay.url, (await attacker(env)).token, [m]))) closes[code] = (closes[code] ?? 0) + n;
    return `; 5 × ${(messages[0].byteLength / 1024).toFixed(0)} KB, closes ${JSON.stringify(closes)}`;
  });
}

if (ONLY.has('bulk')) {
  await scenario('bulk', async (env) => {
    const doc = new Y.Doc();
    const o = provider(env.relay.url, 'outbox/mallory', (await attacker(env)).token, doc);
    await o.synced;
    writeAcknowledgement(doc, { policyVersion: env.policyVersion });
    const started = performance.now();
    doc.transact(() => {
      for (let i = 0; i < 2000; i++) writePost(doc, { space: 'general', body: `Announcement ${i}` });
    });
    // Judged when the attacker's inbox holds a status for each (held or published).
    const inbox = provider(env.relay.url, 'inbox/mallory', (await attacker(env)).token);
    await inbox.synced;
    const statuses = () => inbox.doc.getMap('statuses').size;
    while (statuses() < 1980 && performance.now() - started < 120_000) await sleep(200);
    const took = performance.now() - started;
    o.p.destroy();
    inbox.p.destroy();
    return `; 2000 posts judged in ${(took / 1000).toFixed(1)} s (${statuses()} statuses)`;
  });
}

if (ONLY.has('pending')) {
  const messages = Array.from({ length: 200 }, (_, i) => updateMessage(orphan(50_000 + i, 30_000)));
  await scenario('pending', async (env) => {
    const closes = await flood(env.relay.url, (await attacker(env)).token, messages, { pauseEvery: 10 });
    return `; 200 × 30 KB orphans, closes ${JSON.stringify(closes)}`;
  });
}

if (ONLY.has('quota')) {
  const scratch = new Y.Doc();
  const messages = [];
  for (let i = 0; i < 40; i++) {
    const sv = Y.encodeStateVector(scratch);
    scratch.getMap('scratch').set(`chunk${i}`, `${i}`.padEnd(900 * 1024, '.'));
    messages.push(updateMessage(Y.encodeStateAsUpdate(scratch, sv)));
  }
  await scenario('quota', async (env) => {
    const started = performance.now();
    const closes = await flood(env.relay.url, (await attacker(env)).token, messages);
    const { size } = await import('node:fs').then((fs) => fs.statSync(join(env.dataDir, 'hearth.sqlite')));
    return `; 40 × 900 KB in ${((performance.now() - started) / 1000).toFixed(1)} s, closes ${JSON.stringify(closes)}, database ${mb(size)}`;
  });
}

if (ONLY.has('restart')) {
  const env = await setup();
  try {
    const messages = [0, 1, 2, 3, 4].map((m) => updateMessage(conflicting(2000, 10_000 + m * 2000)));
    for (const m of messages) await flood(env.relay.url, (await attacker(env)).token, [m]);
    const { port } = env.relay;
    env.relay.proc.kill('SIGTERM');
    await new Promise((r) => env.relay.proc.once('exit', r));
    const started = performance.now();
    env.relay = await serve(env.dataDir, port);
    const listened = env.relay.ms;
    await fetch(`http://${HOST}:${port}/healthz`);
    const healthy = performance.now() - started;
    const t = performance.now();
    const o = provider(env.relay.url, 'outbox/mallory', (await attacker(env)).token);
    await o.synced;
    const reopen = performance.now() - t;
    o.p.destroy();
    console.log(`restart  time to listen ${ms(listened)}, to first /healthz answer ${ms(healthy)}, to reopen the attacker's outbox ${ms(reopen)}; RSS ${mb(rss(env.relay.proc.pid))}`);
  } finally {
    env.relay.proc.kill('SIGKILL');
    rmSync(env.dataDir, { recursive: true, force: true });
  }
}
process.exit(0);
