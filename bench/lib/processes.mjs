// Child processes for the benchmarks that run servers beside themselves (the relay's CLI, the stock
// @y/websocket-server): start one and wait for its ready line, and find a free port. Not a benchmark
// itself (bench/run.mjs runs only bench/*.mjs).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Every benchmark server listens here only. */
export const HOST = '127.0.0.1';

/**
 * Starts `node <args>` with `env` added, and resolves once its stdout or stderr matches `ready`:
 * `{ proc, match, url }` (url: the first group of the match, e.g. the relay's `listening on (ws://…)`).
 * Rejects with the output so far if it exits first.
 */
export function startProcess(args, env, ready) {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c) => {
      out += c;
      const match = ready.exec(out);
      if (match) resolve({ proc, match, url: match[1] });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${out.slice(-2000)}`)));
  });
}

/** A TCP port nothing listens on right now. */
export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, HOST, r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}
