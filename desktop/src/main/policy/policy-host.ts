// The real command and file readers for read-policy.ts: short timeouts, no shell, no window.
// Why absolute paths: a person can start the app with their own PATH (or SystemRoot); a `reg` found
// through it could answer "no policy". The system's own copies are not theirs to replace.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { CommandResult, PolicyReaderDeps } from './read-policy.js';

const SYSTEM_COMMANDS: Readonly<Record<string, string>> = {
  reg: 'C:\\Windows\\System32\\reg.exe',
  '/usr/bin/plutil': '/usr/bin/plutil',
};

function run(command: string, args: readonly string[]): Promise<CommandResult> {
  const file = SYSTEM_COMMANDS[command];
  if (file === undefined || !existsSync(file)) {
    return Promise.resolve({ code: 127, stdout: '', stderr: `${command}: not found at its system location` });
  }
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 5_000, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function hostPolicyReader(appId: string): PolicyReaderDeps {
  return { platform: process.platform, appId, username: os.userInfo().username, run, readFile: readText };
}
