// Publications per second on SQLite and on PostgreSQL, through the full pipeline: outbox entries
// stored while the relay was down are published when it starts (validate, judge with the
// behaviour policy, publish into the space, record the publication state and the audit record).
// Authors are many (each stays under the posting-rate rule), so every entry is published; a run
// that publishes fewer exits 1.
//   sqlite       one relay process (in this process)
//   postgres ×N  N relay processes (child processes, bench/workers/relay-process.mjs) on one
//                PostgreSQL database and one Redis: the outbox leases share the work between them
// Timed from the moment the relay processes listen. Each configuration runs --runs times on a fresh database; the median is printed with every run,
// and the relay processes' CPU time per publication (the PostgreSQL server's own CPU not included).
// The machine's load average is printed: on a shared machine the figures are noisy.
//
// Needs `npx tsc -b`. PostgreSQL from HEARTH_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432/test;
// a database of its own is created and dropped), Redis from HEARTH_BENCH_REDIS (default
// redis://127.0.0.1:6379, a channel prefix of its own); left out, said so, when none answers. Usage:
//   node bench/relay-publications.mjs [--authors 200] [--posts 5] [--runs 3] [--processes 1,2]
import { median } from './lib/stats.mjs';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as Y from 'yjs';
import { createLogger, postgresAdmin, prepareCompany, repo, startRelay } from './lib/relay-company.mjs';

const { writeAcknowledgement, writePost } = await import('@hearth/core');

const { values } = parseArgs({
  options: {
    authors: { type: 'string', default: '200' },
    posts: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    processes: { type: 'string', default: '1,2' },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const PROCESSES = values.processes.split(',').map(Number).filter((n) => n >= 1 && n <= 8);
const REDIS = process.env.HEARTH_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const AUTHORS = Number(values.authors);
const POSTS = Number(values.posts);
const policy = JSON.parse(readFileSync(join(repo, 'assets/demo/policy.json'), 'utf8'));
const people = Array.from({ length: AUTHORS }, (_, i) => ({
  id: `author${i}`,
  email: `author${i}@example.com`,
  givenName: 'Ana',
  familyName: ['Martin', 'Okafor', 'Lindqvist', 'Moreau'][i % 4],
  title: 'Engineer',
  department: 'Engineering',
  location: 'London',
  country: 'GB',
  manager: null,
  roles: ['employee'],
  status: 'active',
}));

/** The company, with every author's entries stored unpublished. */
async function prepare(dataDir, postgres) {
  const outboxes = people.map((p) => {
    const doc = new Y.Doc();
    writeAcknowledgement(doc, { policyVersion: policy.version });
    for (let i = 0; i < POSTS; i++) writePost(doc, { space: 'general', body: `Weekly note ${i + 1} from ${p.id}: the build is green.` });
    return [p.id, doc];
  });
  await prepareCompany({ dataDir, postgres, people, policy, outboxes });
}

const published = async (db) =>
  Number((await db.selectFrom('publication_state').select((eb) => eb.fn.countAll().as('n')).where('outcome', '=', 'published').executeTakeFirst()).n);

async function waitForAll(count, gone = () => null) {
  let n = 0;
  const deadline = Date.now() + 600_000;
  while ((n = await count()) < EXPECTED && Date.now() < deadline) {
    const why = gone();
    if (why !== null) throw new Error(why);
    await new Promise((r) => setTimeout(r, 50));
  }
  return n;
}

const EXPECTED = AUTHORS * POSTS;

/** One relay in this process (SQLite). */
async function runInProcess() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-pub-'));
  try {
    await prepare(dataDir, undefined);
    const cpu0 = process.cpuUsage();
    const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, logger: createLogger('silent') });
    const started = performance.now(); // it listens; the catch-up starts on the next turn
    const n = await waitForAll(() => published(relay.storage.db));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    await relay.stop();
    return { n, seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function startWorker(options) {
  const proc = spawn(process.execPath, [join(repo, 'bench/workers/relay-process.mjs'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (c) => (out += c));
  const waitFor = (re) =>
    new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        const m = re.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m);
        }
      }, 20);
      proc.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`relay process exited ${code}: ${out}`));
      });
    });
  return {
    proc,
    listening: waitFor(/listening on (\S+)/),
    async cpuMs() {
      out = '';
      proc.kill('SIGUSR2');
      return Number((await waitFor(/cpu (\d+)/))[1]);
    },
  };
}

/** `processes` relay processes on one PostgreSQL database (and, with more than one, Redis). */
async function runProcesses(postgres, processes) {
  const dirs = Array.from({ length: processes }, () => mkdtempSync(join(tmpdir(), 'hearth-bench-pub-')));
  const { Kysely, PostgresDialect } = await import('kysely');
  const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: postgres, max: 1 }) }) });
  const workers = [];
  try {
    await prepare(dirs[0], postgres);
    // Every process has the same keys (a deployment copies them).
    for (const d of dirs.slice(1)) for (const f of ['relay-signing.key', 'audit-ed25519.key', 'audit-ed25519.pub']) if (existsSync(join(dirs[0], f))) copyFileSync(join(dirs[0], f), join(d, f));
    const redis = processes > 1 ? { redis: REDIS, redisPrefix: `hearth-bench-${process.pid}-${Date.now()}:` } : {};
    const started = performance.now();
    for (const dataDir of dirs) workers.push(startWorker({ port: 0, host: '127.0.0.1', dataDir, postgres, ...redis }));
    await Promise.all(workers.map((w) => w.listening));
    // Timed from the moment every process listens (start-up on a loaded machine takes seconds).
    const listened = performance.now();
    const listening = (listened - started) / 1000;
    let cpuAtListen = 0;
    for (const w of workers) cpuAtListen += await w.cpuMs();
    // A relay process that ends early (killed from outside) would leave the wait to its deadline.
    const gone = () => {
      const dead = workers.find((w) => w.proc.exitCode !== null || w.proc.signalCode !== null);
      return dead === undefined ? null : `a relay process ended early (exit ${dead.proc.exitCode}, signal ${dead.proc.signalCode})`;
    };
    const n = await waitForAll(() => published(db), gone);
    const seconds = (performance.now() - listened) / 1000;
    let cpuMs = -cpuAtListen; // start-up left out
    for (const w of workers) cpuMs += await w.cpuMs();
    return { n, seconds, cpuMs, listening };
  } finally {
    for (const w of workers) w.proc.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.proc.exitCode !== null ? r() : w.proc.once('exit', r)))));
    await db.destroy();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}


/** Runs one configuration RUNS times; prints every run and the median. Resolves to whether nothing was lost. */
async function measure(label, once) {
  const rates = [];
  let ok = true;
  for (let r = 0; r < RUNS; r++) {
    const load = loadavg()[0].toFixed(1);
    const { n, seconds, cpuMs, listening } = await once();
    ok &&= n === EXPECTED;
    rates.push(n / seconds);
    console.log(`  ${label.padEnd(26)} run ${r + 1}: ${n}/${EXPECTED} in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} publications/s; relay CPU ${(cpuMs / Math.max(n, 1)).toFixed(2)} ms per publication (load ${load}${listening === undefined ? '' : `; listening after ${listening.toFixed(1)} s`})`);
  }
  console.log(`${label.padEnd(28)} median ${median(rates).toFixed(0)} publications/s over ${RUNS} runs (${AUTHORS} authors × ${POSTS} posts)`);
  return ok;
}

console.log(`cpus ${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (a shared machine: compare medians, not single runs)`);
let ok = await measure('sqlite, 1 process', runInProcess);
const postgres = await postgresAdmin();
if (postgres !== null) {
  try {
    for (const processes of PROCESSES) {
      ok =
        (await measure(`postgres, ${processes} process${processes > 1 ? 'es' : ''}`, () =>
          postgres.scratch(`hearth_bench_${process.pid}_${processes}`, (url) => runProcesses(url, processes)),
        )) && ok;
    }
  } finally {
    await postgres.end();
  }
}
if (!ok) {
  console.log('LOST POSTS: some entries were not published');
  process.exit(1);
}
