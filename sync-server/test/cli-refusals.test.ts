// The CLI refuses what would silently go wrong: a mistyped --data must not create a new data
// directory with a new signing key (only `serve` creates one), and `token` signs only for an active
// person in the directory, for a lifetime longer than zero; `serve` refuses a --web without a web
// client and names a busy port.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTtl, verifyToken } from '../src/auth/tokens.js';
import { loadSigningKey } from '../src/auth/signing-key.js';
import { person, removeTestData, runCli, startTestRelay, storageArgs, tempDataDir } from './helpers.js';
import type { TestRelay } from './helpers.js';

describe('a mistyped --data', { timeout: 60_000 }, () => {
  let scratch: string;
  beforeAll(() => {
    scratch = tempDataDir();
    writeFileSync(join(scratch, 'people.json'), JSON.stringify([person('alice')]));
    writeFileSync(join(scratch, 'policy.json'), '{}');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('token, policy set, directory import and space create refuse and create nothing', async () => {
    const missing = join(scratch, 'dmeo-data');
    const results = await Promise.all([
      runCli('token', 'alice', '--data', missing),
      runCli('policy', 'set', join(scratch, 'policy.json'), '--data', missing),
      runCli('directory', 'import', join(scratch, 'people.json'), '--data', missing),
      runCli('space', 'create', 'lab', '--name', 'Lab', '--data', missing),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`no data directory at ${missing}: check --data`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('an existing folder that is not a data directory is refused and left as it was', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const results = await Promise.all([runCli('token', 'alice', '--data', empty), runCli('directory', 'import', join(scratch, 'people.json'), '--data', empty)]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/is not a Hearth data directory \(it has no relay-signing\.key\)/);
    }
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe('hearth-relay token', { timeout: 60_000 }, () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay(); // alice, bob, carol active; dave has left
  });
  afterAll(async () => {
    await relay.cleanup();
  });

  async function refusedFor(...args: string[]): Promise<string> {
    const r = await runCli('token', ...args, '--data', relay.dataDir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    return r.stderr;
  }

  it('signs for an active person, through the running relay', async () => {
    const r = await runCli('token', 'alice', '--data', relay.dataDir, '--ttl', '1h');
    expect(r.code, r.stderr).toBe(0);
    const checked = await verifyToken(loadSigningKey(relay.dataDir, { create: false }), r.stdout.trim());
    expect(checked.ok && checked.token.personId).toBe('alice');
  });

  it('refuses a person who is not in the directory, or has left', async () => {
    const [mallory, dave] = await Promise.all([refusedFor('mallory'), refusedFor('dave')]);
    expect(mallory).toMatch(/unknown person mallory: not in the directory/);
    expect(dave).toMatch(/dave is left in the directory/);
  });

  it('refuses a lifetime of zero', async () => {
    expect(await refusedFor('alice', '--ttl', '0s')).toMatch(/token lifetime must be longer than 0 s/);
    for (const ttl of ['0', '0h', '0d']) expect(() => parseTtl(ttl)).toThrow(/longer than 0 s/);
  });

  it('checks the directory in the data directory when no relay runs', async () => {
    const dir = tempDataDir();
    const stopped = await startTestRelay({ dataDir: dir });
    await stopped.stop();
    try {
      // One after the other: without a relay, each reads the directory under the data-directory lock.
      const bob = await runCli('token', 'bob', ...storageArgs(dir));
      expect(bob.code, bob.stderr).toBe(0);
      const r = await runCli('token', 'mallory', ...storageArgs(dir));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/unknown person mallory/);
    } finally {
      await removeTestData(dir);
    }
  });
});

describe('hearth-relay serve', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const dataDir = () => {
    const d = tempDataDir();
    dirs.push(d);
    return d;
  };

  it('refuses a --web folder that does not exist or holds no web client, instead of starting without it', async () => {
    const empty = dataDir();
    const [missing, unbuilt] = await Promise.all([
      runCli('serve', '--port', '0', '--data', dataDir(), '--web', join(empty, 'dist-web')),
      runCli('serve', '--port', '0', '--data', dataDir(), '--web', empty),
    ]);
    for (const r of [missing, unbuilt]) {
      expect(r.code, r.stdout).toBe(1);
      expect(r.stdout).not.toContain('listening on');
      expect(r.stderr).toContain('npm run build -w @hearth/desktop');
    }
    expect(missing.stderr).toContain(`--web ${join(empty, 'dist-web')}: no such folder`);
    expect(unbuilt.stderr).toContain('there is no index.html in it');
  });

  it('on a busy port says which and how to choose another', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const r = await runCli('serve', '--port', String(port), '--data', dataDir());
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`error: port ${port} is in use; set PORT= (npm start) or --port`);
    } finally {
      busy.close();
    }
  });
});
