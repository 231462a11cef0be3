#!/usr/bin/env node
// `npm start`: build everything, run the relay in demo mode serving the web client, then start the
// Electron shell against it where an Electron runtime can be had (scripts/launch-electron.mjs);
// where it cannot, that is said in one line and the web client keeps running.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchElectron } from './launch-electron.mjs';

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

console.log('Building Hearth (core, relay, web client, desktop shell)…');
run('npm', ['run', 'build', '--silent']);

const web = path.join(root, 'desktop', 'dist', 'web');
const args = [path.join(root, 'sync-server', 'bin', 'hearth-relay.js'), 'serve', '--demo', '--port', port, '--host', host, '--data', dataDir];
if (existsSync(path.join(web, 'index.html'))) args.push('--web', web);

const relay = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
let electron = null;
let launched = false;
relay.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!launched && String(chunk).includes('listening on ws://')) {
    launched = true;
    const webUrl = `http://${host}:${port}/`;
    console.log(`\nHearth web client (demo company "Poll Limited"): ${webUrl}`);
    console.log('Sign in as any demo person, e.g. rajesh, binu or seema. Data lives in', dataDir);
    console.log('Press Ctrl+C to stop.');
    launchElectron({ root, webUrl, onExit: () => (electron = null) })
      .then((child) => (electron = child))
      .catch((error) => console.log(`Electron was not started (${error.message}); the web client keeps running at ${webUrl}`));
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    electron?.kill('SIGTERM');
    relay.kill('SIGTERM');
  });
}
relay.on('exit', (code) => process.exit(code ?? 0));
