#!/usr/bin/env node
// `npm start`: build what exists, then run the relay in demo mode serving the web client.
// The Electron shell has its own issue and is not built yet; the web client is the same renderer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '1234';
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.HEARTH_DATA ?? path.join(root, 'data');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

console.log('Building Hearth (core, relay, web client)…');
run('npm', ['run', 'build', '--silent']);

const web = path.join(root, 'desktop', 'dist', 'web');
const args = [path.join(root, 'sync-server', 'bin', 'hearth-relay.js'), 'serve', '--demo', '--port', port, '--host', host, '--data', dataDir];
if (existsSync(path.join(web, 'index.html'))) args.push('--web', web);

const relay = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
relay.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (String(chunk).includes('listening on ws://')) {
    console.log(`\nHearth web client (demo company "Poll Limited"): http://${host}:${port}/`);
    console.log('Sign in as any demo person, e.g. rajesh, binu or seema. Data lives in', dataDir);
    console.log('The Electron desktop shell cannot be launched on this machine (its runtime is not downloadable here); the web client is the same app.');
    console.log('Press Ctrl+C to stop.');
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => relay.kill('SIGTERM'));
relay.on('exit', (code) => process.exit(code ?? 0));
