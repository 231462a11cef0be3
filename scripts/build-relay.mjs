// Builds what the tests that run the relay as a child process need: core and the relay into dist/
// (`tsc -b sync-server`; incremental, so it costs a second when nothing changed). The sync-server
// vitest project and the end-to-end suite use it as their global setup, so `npm test` and
// `npm run e2e` run every test on a fresh clone, with no build step to remember (tests that found
// no build used to be skipped, silently).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default function buildRelay() {
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  execFileSync(process.execPath, [path.join(typescript, 'bin', 'tsc'), '-b', path.join(root, 'sync-server')], { cwd: root, stdio: 'inherit' });
}
