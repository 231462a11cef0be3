// Every benchmark imports the built packages (core/dist, sync-server/dist): each imports this module
// first, which stops with a clear message when there is no build. Not a benchmark itself
// (bench/run.mjs runs only bench/*.mjs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const repo = fileURLToPath(new URL('../../', import.meta.url));
/** The relay's command line (`node <cli> serve …`). */
export const cli = join(repo, 'sync-server/bin/hearth-relay.js');
/** The stock y-websocket server, the baseline of the fan-out, memory and cold-open benchmarks. */
export const stockServer = join(repo, 'node_modules/@y/websocket-server/src/server.js');

if (['core/dist/index.js', 'sync-server/dist/index.js', 'sync-server/dist/cli.js'].some((f) => !existsSync(join(repo, f)))) {
  console.error('No build: run `npx tsc -b` first.');
  process.exit(1);
}
