import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostPolicyReader } from './policy-host.js';

const savedPath = process.env.PATH;
let dir: string | null = null;
afterEach(async () => {
  process.env.PATH = savedPath;
  if (dir !== null) await rm(dir, { recursive: true, force: true });
});

describe('policy host', () => {
  it.skipIf(process.platform === 'win32')('never runs a `reg` that a person put first on PATH', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-path-'));
    const marker = path.join(dir, 'ran');
    const fake = path.join(dir, 'reg');
    await writeFile(fake, `#!/bin/sh\ntouch '${marker}'\necho "HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Policies\\\\Hearth"\n`);
    await chmod(fake, 0o755);
    process.env.PATH = `${dir}${path.delimiter}${savedPath ?? ''}`;
    const result = await hostPolicyReader('com.example.hearth').run('reg', ['query', 'HKLM\\SOFTWARE\\Policies\\Hearth']);
    expect(result.code).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('answers null for a policy file that does not exist', async () => {
    expect(await hostPolicyReader('com.example.hearth').readFile('/nonexistent/hearth/policy.json')).toBeNull();
  });
});
