// The relay as an operator runs it: the CLI in a child process, killed hard or stopped gracefully.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64 } from '../src/protocol/notices.js';
import { connectProvider, person, tempDataDir, waitFor } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/hearth-relay.js', import.meta.url));

interface Child {
  proc: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

async function serve(dataDir: string, logLevel = 'silent'): Promise<Child> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
    env: { ...process.env, HEARTH_LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^listening on (ws:\/\/\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => reject(new Error(`relay exited (${code}): ${out}`)));
  });
  return { proc, url, exited };
}

async function tokenFor(dataDir: string, personId: string): Promise<string> {
  const proc = spawn(process.execPath, [BIN, 'token', personId, '--data', dataDir, '--ttl', '1h'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await new Promise((resolve) => proc.once('exit', resolve));
  return out.trim();
}

async function adminCli(dataDir: string, ...args: string[]): Promise<number | null> {
  const proc = spawn(process.execPath, [BIN, ...args, '--data', dataDir], { stdio: 'ignore', env: { ...process.env, HEARTH_LOG_LEVEL: 'silent' } });
  return new Promise((resolve) => proc.once('exit', resolve));
}

describe('relay process (the built CLI)', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A relay on a new data directory (only `serve` creates one), with alice and bob imported through it. */
  async function seededRelay(): Promise<{ dir: string; relay: Child }> {
    const dir = tempDataDir();
    dirs.push(dir);
    const relay = await serve(dir);
    children.push(relay.proc);
    const { writeFileSync } = await import('node:fs');
    const file = `${dir}/people.json`;
    writeFileSync(file, JSON.stringify([person('alice'), person('bob')]));
    expect(await adminCli(dir, 'directory', 'import', file)).toBe(0);
    return { dir, relay };
  }

  it('acknowledged outbox updates survive SIGKILL', async () => {
    const { dir, relay: first } = await seededRelay();
    const token = await tokenFor(dir, 'alice');
    const client = connectProvider(first.url, 'outbox/alice', token);
    await waitFor(() => client.provider.synced);
    const entries = client.doc.getMap('entries');
    for (let i = 0; i < 50; i++) entries.set(`e${i}`, `value ${i}`);
    const target = Y.encodeStateVector(client.doc);
    await waitFor(() => {
      const last = client.notices.at(-1);
      if (last?.type !== 'stored') return false;
      const sv = Y.decodeStateVector(fromBase64(last.stateVector));
      return (sv.get(client.doc.clientID) ?? 0) >= (Y.decodeStateVector(target).get(client.doc.clientID) ?? 0);
    });
    first.proc.kill('SIGKILL');
    await first.exited;
    client.destroy();

    const second = await serve(dir); // takes over the stale lock
    children.push(second.proc);
    const reader = connectProvider(second.url, 'outbox/alice', token);
    await waitFor(() => reader.provider.synced);
    expect(Object.keys(reader.doc.getMap('entries').toJSON()).length).toBe(50);
    reader.destroy();
  });

  it('SIGTERM closes clients with 1012 and exits 0; a second serve on the same data dir refuses', async () => {
    const { dir, relay } = await seededRelay();
    const refused = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    refused.stderr.on('data', (c: Buffer) => (err += c.toString()));
    expect(await new Promise((resolve) => refused.once('exit', resolve))).toBe(1);
    expect(err).toMatch(/in use by hearth-relay serve/);

    const client = connectProvider(relay.url, 'outbox/bob', await tokenFor(dir, 'bob'));
    await waitFor(() => client.provider.synced);
    relay.proc.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    await waitFor(() => client.closes.length > 0);
    expect(client.closes[0]).toBe(1012);
    client.destroy();
    expect(existsSync(`${dir}/relay.json`)).toBe(false);
  });

  it('SIGTERM stops a relay whose log reader has gone (a log shipper that died)', async () => {
    // pino's destination (sonic-boom before 5) retried a failed write forever in its exit flush, so
    // a relay whose stdout reader was gone never exited: port, data directory lock and all.
    const dir = tempDataDir();
    dirs.push(dir);
    const relay = await serve(dir, 'info');
    children.push(relay.proc);
    relay.proc.stdout!.destroy();
    relay.proc.stderr!.destroy();
    relay.proc.kill('SIGTERM');
    const code = await Promise.race([relay.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000))]);
    expect(code).not.toBe('still running after 20 s');
    expect(existsSync(`${dir}/relay.json`)).toBe(false);
  }, 30_000);

  it('admin subcommands go through the running relay', async () => {
    const { dir, relay } = await seededRelay();
    expect(await adminCli(dir, 'space', 'create', 'lab', '--name', 'Lab', '--visibility', 'private')).toBe(0);
    expect(await adminCli(dir, 'space', 'add-member', 'lab', 'alice')).toBe(0);
    const client = connectProvider(relay.url, 'space/lab', await tokenFor(dir, 'alice'));
    await waitFor(() => client.provider.synced);
    expect(client.doc.getMap('members').get('alice')).toBe(true);
    client.destroy();
  });
});
