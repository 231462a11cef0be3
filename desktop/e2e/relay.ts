// Starts the real relay CLI (never imported: desktop must not import sync-server) in demo mode on a
// free port, with a temporary data directory, serving the web build.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningRelay {
  wsUrl: string;
  httpUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface RelayStart {
  /** Default 0: a free port. */
  port?: number;
  /** More `serve` arguments, e.g. the company identity provider. */
  args?: string[];
  /** Serve the web build (default true; tests of the desktop shell need no pages). */
  web?: boolean;
}

export async function startRelay(start: RelayStart = {}): Promise<RunningRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repo, 'sync-server/bin/hearth-relay.js'), 'serve', '--port', String(start.port ?? 0), '--data', dataDir, '--demo', ...(start.web === false ? [] : ['--web', join(repo, 'desktop/dist/web')]), ...(start.args ?? [])],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // HEARTH_E2E_RELAY_LOG=<file>: every relay's output is appended there, to read after a failure.
  const log = process.env.HEARTH_E2E_RELAY_LOG;
  if (log) {
    const append = (chunk: Buffer) => appendFileSync(log, chunk);
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
  }
  const wsUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}:\n${output}`));
    });
  });
  return {
    wsUrl,
    httpUrl: wsUrl.replace(/^ws:/, 'http:'),
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
