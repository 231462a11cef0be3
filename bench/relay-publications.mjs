// Publications per second on SQLite and on PostgreSQL, through the full pipeline: outbox entries
// stored while the relay was down are published when it starts (validate, judge with the
// behaviour policy, publish into the space, record the publication state and the audit record).
// Authors are many (each stays under the posting-rate rule), so every entry is published; a run
// that publishes fewer exits 1.
//   sqlite       one relay process
//   postgres ×N  N relay processes on one PostgreSQL database and one Redis: the outbox leases
//                share the work between them
// Every relay runs in a child process (bench/workers/relay-process.mjs) that lives across the runs
// of its configuration, each run on a fresh database: the first run is the processes' first work
// ("cold": V8 is still compiling the relay's code, as right after a deployment starts); the later
// ones are what a relay that has been running does ("warm", the per-process figure). Both are printed.
// Timed from the moment the relay processes listen; with the relay processes' CPU time per
// publication (the PostgreSQL server's own CPU not included). The machine's load average is
// printed: on a shared machine the figures are noisy.
//
// Needs `npx tsc -b`. PostgreSQL from HEARTH_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432/test;
// a database of its own is created and dropped), Redis from HEARTH_BENCH_REDIS (default
// redis://127.0.0.1:6379, a channel prefix of its own); left out, said so, when none answers. Usage:
//   node bench/relay-publications.mjs [--authors 200] [--posts 5] [--runs 3 (warm runs)] [--processes 1,2]
import { median } from './lib/stats.mjs';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { openStorage, postgresAdmin, prepareCompany, repo, storageConfig } from './lib/relay-company.mjs';

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

/**
 * A relay process (bench/workers/relay-process.mjs) that lives across runs: `start` a relay on a
 * database, `stop` it, `cpuMs` of the whole process so far.
 */
function startWorker() {
  const proc = spawn(process.execPath, [join(repo, 'bench/workers/relay-process.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (c) => (out += c));
  const ask = (command, re) => {
    out = '';
    proc.stdin.write(`${JSON.stringify(command)}\n`);
    return new Promise((resolve, reject) => {
      const exited = (code) => {
        clearInterval(timer);
        reject(new Error(`relay process exited ${code}: ${out}`));
      };
      const timer = setInterval(() => {
        const failed = /^error (.*)$/m.exec(out);
        const m = re.exec(out);
        if (!failed && !m) return;
        clearInterval(timer);
        proc.off('exit', exited);
        if (failed) reject(new Error(`relay process: ${failed[1]}`));
        else resolve(m);
      }, 10);
      proc.once('exit', exited);
    });
  };
  return {
    proc,
    start: (options) => ask({ op: 'start', options }, /listening on (\S+)/),
    stop: () => ask({ op: 'stop' }, /stopped/),
    cpuMs: async () => Number((await ask({ op: 'cpu' }, /cpu (\d+)/))[1]),
    end: () =>
      new Promise((r) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return r();
        proc.once('exit', r);
        proc.stdin.end();
      }),
  };
}

/**
 * One run on `workers` (already started, one per relay process) on a fresh database: the company is
 * prepared, every process starts a relay on it, and the run is timed from the moment all of them
 * listen to the moment every entry is published.
 */
async function runOnce(workers, postgres) {
  const dirs = workers.map(() => mkdtempSync(join(tmpdir(), 'hearth-bench-pub-')));
  let counter = null;
  try {
    await prepare(dirs[0], postgres);
    // Every process has the same keys (a deployment copies them).
    for (const d of dirs.slice(1)) for (const f of ['relay-signing.key', 'audit-ed25519.key', 'audit-ed25519.pub']) if (existsSync(join(dirs[0], f))) copyFileSync(join(dirs[0], f), join(d, f));
    const redis = workers.length > 1 ? { redis: REDIS, redisPrefix: `hearth-bench-${process.pid}-${Date.now()}:` } : {};
    const started = performance.now();
    await Promise.all(workers.map((w, i) => w.start({ port: 0, host: '127.0.0.1', dataDir: dirs[i], ...(postgres ? { postgres } : {}), ...redis })));
    // Timed from the moment every process listens (start-up on a loaded machine takes seconds).
    const listened = performance.now();
    const listening = (listened - started) / 1000;
    let cpuAtListen = 0;
    for (const w of workers) cpuAtListen += await w.cpuMs();
    // Counted through the relay's own storage layer, beside the relays (read-only: no migrations).
    counter = await openStorage(storageConfig(dirs[0], postgres), { readOnly: true });
    // A relay process that ends early (killed from outside) would leave the wait to its deadline.
    const gone = () => {
      const dead = workers.find((w) => w.proc.exitCode !== null || w.proc.signalCode !== null);
      return dead === undefined ? null : `a relay process ended early (exit ${dead.proc.exitCode}, signal ${dead.proc.signalCode})`;
    };
    const n = await waitForAll(() => published(counter.db), gone);
    const seconds = (performance.now() - listened) / 1000;
    let cpuMs = -cpuAtListen; // start-up left out
    for (const w of workers) cpuMs += await w.cpuMs();
    return { n, seconds, cpuMs, listening };
  } finally {
    await counter?.close();
    await Promise.all(workers.map((w) => w.stop().catch(() => {})));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

/**
 * Runs one configuration in `processes` fresh relay processes: one cold run (the processes' first
 * work, as right after a deployment starts) and then RUNS warm runs in the same processes, each on a
 * fresh database. Prints every run, the cold figure and the median of the warm ones. Resolves to
 * whether nothing was lost.
 */
async function measure(label, processes, admin) {
  const workers = Array.from({ length: processes }, () => startWorker());
  const rates = [];
  let ok = true;
  try {
    for (let r = 0; r <= RUNS; r++) {
      const load = loadavg()[0].toFixed(1);
      const { n, seconds, cpuMs, listening } = admin
        ? await admin.scratch(`hearth_bench_${process.pid}_${processes}`, (url) => runOnce(workers, url))
        : await runOnce(workers, undefined);
      ok &&= n === EXPECTED;
      if (r > 0) rates.push(n / seconds);
      const which = r === 0 ? 'cold' : `run ${r}`;
      console.log(`  ${label.padEnd(26)} ${which.padEnd(6)}: ${n}/${EXPECTED} in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} publications/s; relay CPU ${(cpuMs / Math.max(n, 1)).toFixed(2)} ms per publication (load ${load}; listening after ${listening.toFixed(1)} s)`);
    }
  } finally {
    await Promise.all(workers.map((w) => w.end()));
  }
  console.log(`${label.padEnd(28)} median ${median(rates).toFixed(0)} publications/s over ${RUNS} warm runs (${AUTHORS} authors × ${POSTS} posts)`);
  return ok;
}

console.log(`cpus ${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (a shared machine: compare medians, not single runs)`);
let ok = await measure('sqlite, 1 process', 1, null);
const admin = await postgresAdmin();
if (admin !== null) {
  try {
    for (const processes of PROCESSES) ok = (await measure(`postgres, ${processes} process${processes > 1 ? 'es' : ''}`, processes, admin)) && ok;
  } finally {
    await admin.end();
  }
}
if (!ok) {
  console.log('LOST POSTS: some entries were not published');
  process.exit(1);
}
