// Which data directory a command other than `serve` works on. Why only `serve` creates one: a
// mistyped `--data` would otherwise make a new, empty directory with a new signing key, and the
// command would "succeed" — tokens no relay accepts, a directory import or policy no relay serves.
// A data directory is recognised by its signing key, which `serve` writes on its first start and
// which every other command needs anyway.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KEY_FILE } from '../auth/signing-key.js';

export class NoDataDirectory extends Error {
  override name = 'NoDataDirectory';
}

/** The absolute path of an existing data directory; throws NoDataDirectory with what to do. */
export function existingDataDir(dir: string): string {
  const abs = resolve(dir);
  if (!existsSync(abs)) {
    throw new NoDataDirectory(`no data directory at ${abs}: check --data (only \`hearth-relay serve\` creates one)`);
  }
  if (!statSync(abs).isDirectory() || !existsSync(join(abs, KEY_FILE))) {
    throw new NoDataDirectory(`${abs} is not a Hearth data directory (it has no ${KEY_FILE}): check --data, or run \`hearth-relay serve --data ${dir}\` once to create it`);
  }
  return abs;
}
