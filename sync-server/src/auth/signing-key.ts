// The relay's token signing key: 32 random bytes in the data directory, created on first use with
// mode 0600. Why a file and not a database row: `hearth-relay token` must mint tokens while the
// relay runs, and reading one file never contends with the relay's writes.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FILE = 'relay-signing.key';

export function loadSigningKey(dataDir: string, options: { create: boolean } = { create: true }): Uint8Array {
  const file = join(dataDir, KEY_FILE);
  try {
    return decodeKey(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) throw err;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': fail if another process created it meanwhile; then read theirs.
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return decodeKey(readFileSync(file, 'utf8'));
}

function decodeKey(text: string): Uint8Array {
  const key = new Uint8Array(Buffer.from(text.trim(), 'base64'));
  if (key.length < 32) throw new Error(`the signing key in ${KEY_FILE} is shorter than 32 bytes`);
  return key;
}
