#!/usr/bin/env node
// `npm start`: build everything, run the relay in demo mode serving the web client, then start the
// Electron shell against it where an Electron runtime can be had (scripts/launch-electron.mjs);
// where it cannot, that is said in one line and the web client keeps running. Every child is
// supervised (scripts/supervise.mjs): stopping `npm start` in any way stops the relay too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchElectron } from './launch-electron.mjs';
import { supervise } from './supervise.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '1234';
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.HEARTH_DATA ?? path.join(root, 'data');
const supervisor = supervise();

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = supervisor.add(spawn(cmd, args, { cwd: root, stdio: 'inherit' }));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      if (supervisor.stopping) return; // stopped by a signal: the supervisor exits
      console.error(`\n${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}).`);
      process.exit(code ?? 1);
    });
  });
}

console.log('Building Hearth (core, relay, web client, desktop shell)…');
await run('npm', ['run', 'build', '--silent']);

// Always --web: the build has just made it, and the relay refuses (says why) if it is missing.
const web = path.join(root, 'desktop', 'dist', 'web');
const args = [path.join(root, 'sync-server', 'bin', 'hearth-relay.js'), 'serve', '--demo', '--port', port, '--host', host, '--data', dataDir, '--web', web];
const relay = supervisor.add(spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }));
// The relay decides how `npm start` ends: when it exits, Electron is stopped and so is this.
relay.once('exit', (code) => supervisor.stop(code ?? 1));
let launched = false;
relay.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!launched && String(chunk).includes('listening on ws://')) {
    launched = true;
    const webUrl = `http://${host}:${port}/`;
    console.log(`\nHearth web client (demo company "Poll Limited"): ${webUrl}`);
    console.log('Sign in as any demo person, e.g. rajesh, binu or seema. Data lives in', dataDir);
    console.log('Press Ctrl+C to stop.');
    launchElectron({ root, webUrl })
      .then((child) => child !== null && supervisor.add(child))
      .catch((error) => console.log(`Electron was not started (${error.message}); the web client keeps running at ${webUrl}`));
  }
});
