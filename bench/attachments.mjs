// Attachments through a real relay process (the built CLI): upload and download throughput of a
// 100 MB file (tus, as the app sends it; GET /api/blobs/<sha256>), the relay's memory (RSS) while a
// 1 GB file uploads — it must not grow with the size of the file: the relay streams to disk and
// hashes from disk — and the time sharp takes to make a thumbnail, per image size.
// Needs `npx tsc -b`. Only 127.0.0.1. Usage: node bench/attachments.mjs [--big-mb 1024] [--mb 100]
import { cli, repo } from './lib/build.mjs';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import * as tus from 'tus-js-client';

const { mintToken } = await import('@hearth/sync-server');
const { makeThumbnail } = await import('../sync-server/dist/attachments/thumbnails.js');
const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '100' }, 'big-mb': { type: 'string', default: '1024' } } });
const MB = 1024 * 1024;
const HOST = '127.0.0.1';
const work = mkdtempSync(join(tmpdir(), 'hearth-bench-files-'));
const dataDir = join(work, 'data');

const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
const mbs = (bytes, ms) => `${((bytes / MB) / (ms / 1000)).toFixed(0)} MB/s`;
const mib = (b) => `${(b / MB).toFixed(0)} MB`;

function run(cmdArgs) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (out += c));
    p.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmdArgs.join(' ')} exited ${code}: ${out}`))));
  });
}

function serve(extra) {
  const proc = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', HOST, '--data', dataDir, '--demo', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEARTH_LOG_LEVEL: 'warn' } });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c) => {
      out += c;
      const m = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ proc, base: `http://${HOST}:${m[1]}` });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`relay exited ${code}: ${out.slice(-2000)}`)));
  });
}

/** A file of random bytes (nothing to sniff: stored as application/octet-stream) and its SHA-256. */
async function randomFile(path, bytes) {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let left = bytes; left > 0; ) {
    const chunk = randomBytes(Math.min(left, 4 * MB));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    left -= chunk.length;
  }
  await new Promise((r) => out.end(r));
  return hash.digest('hex');
}

function upload(base, token, path, sha256, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const u = new tus.Upload(createReadStream(path), {
      endpoint: `${base}/api/uploads`,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { sha256, name: 'data.bin', type: 'application/octet-stream', target: 'space/general' },
      uploadSize: statSync(path).size,
      chunkSize: 64 * MB,
      retryDelays: [],
      onProgress,
      onSuccess: resolve,
      onError: reject,
    });
    u.start();
  });
}

try {
  // A policy without a size limit on attachments (the demo company's stops at 20 MB): only the
  // relay's own --max-attachment-bytes applies.
  const policy = JSON.parse(readFileSync(join(repo, 'assets/demo/policy.json'), 'utf8'));
  policy.rules = policy.rules.filter((r) => r.kind !== 'attachments');
  policy.version += 1;
  writeFileSync(join(work, 'policy.json'), JSON.stringify(policy));
  const bigMb = Number(args['big-mb']);
  let relay = await serve(['--max-attachment-bytes', String((bigMb + 16) * MB)]);
  // `policy set` talks to the running relay's admin endpoint.
  await run([cli, 'policy', 'set', join(work, 'policy.json'), '--data', dataDir]).catch((err) => {
    relay.proc.kill('SIGTERM');
    throw err;
  });
  const key = new Uint8Array(Buffer.from(readFileSync(join(dataDir, 'relay-signing.key'), 'utf8').trim(), 'base64'));
  const token = await mintToken(key, 'rajesh', { ttl: '2h' });
  console.log(`attachments bench: relay pid ${relay.proc.pid}, load ${loadavg()[0].toFixed(2)} (2 cores shared)`);

  // 1. Throughput of a 100 MB file.
  const size = Number(args.mb) * MB;
  const file = join(work, 'file.bin');
  const hash = await randomFile(file, size);
  let t = performance.now();
  await upload(relay.base, token, file, hash);
  const upMs = performance.now() - t;
  t = performance.now();
  const res = await fetch(`${relay.base}/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${token}` } });
  let got = 0;
  const check = createHash('sha256');
  for await (const chunk of res.body) {
    got += chunk.length;
    check.update(chunk);
  }
  const downMs = performance.now() - t;
  if (got !== size || check.digest('hex') !== hash) throw new Error('download differs from upload');
  console.log(`${args.mb} MB file: upload ${upMs.toFixed(0)} ms (${mbs(size, upMs)}), download ${downMs.toFixed(0)} ms (${mbs(size, downMs)})`);
  rmSync(file);

  // 2. Relay memory during a 1 GB upload, against the 100 MB one (a fresh relay for each).
  for (const sizeMb of [Number(args.mb), bigMb]) {
    relay.proc.kill('SIGTERM');
    await new Promise((r) => relay.proc.once('exit', r));
    relay = await serve(['--max-attachment-bytes', String((bigMb + 16) * MB)]);
    const path = join(work, `m${sizeMb}.bin`);
    const h = await randomFile(path, sizeMb * MB);
    await new Promise((r) => setTimeout(r, 500));
    const before = rss(relay.proc.pid);
    let peak = before;
    const samples = setInterval(() => (peak = Math.max(peak, rss(relay.proc.pid))), 50);
    t = performance.now();
    await upload(relay.base, token, path, h);
    const ms = performance.now() - t;
    clearInterval(samples);
    console.log(`relay RSS during a ${sizeMb} MB upload: ${mib(before)} before, peak ${mib(peak)} (+${mib(peak - before)}); upload ${(ms / 1000).toFixed(1)} s (${mbs(sizeMb * MB, ms)}, hashing and moving into the blob store included)`);
    rmSync(path);
  }
  relay.proc.kill('SIGTERM');

  // 3. Thumbnail time per image (sharp, as the relay makes them: longest side 480 px, WebP).
  for (const [w, h, format] of [[1920, 1080, 'jpeg'], [4000, 3000, 'jpeg'], [4000, 3000, 'png'], [8000, 6000, 'jpeg']]) {
    const raw = randomBytes(256 * 256 * 3);
    const input = await sharp(raw, { raw: { width: 256, height: 256, channels: 3 } }).resize(w, h, { kernel: 'nearest' })[format]().toBuffer();
    await makeThumbnail(input); // warm-up
    const times = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await makeThumbnail(input);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`thumbnail of a ${w}×${h} ${format.toUpperCase()} (${mib(input.length)}): median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
