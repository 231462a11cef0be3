// One relay process for the benchmarks that need several (bench/relay-publications.mjs,
// bench/relay-fanout.mjs): startRelay from the build with the options given as JSON in argv[2],
// prints `listening on <url>` once it listens and `cpu <user+system ms>` when asked (SIGUSR2),
// stops on SIGTERM. Not a benchmark itself (bench/run.mjs runs only bench/*.mjs).
// HEARTH_BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the process there when it stops (open it
// in Chrome's DevTools; NODE_OPTIONS cannot carry --cpu-prof).
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { startRelay } = await import('../../sync-server/dist/server/relay.js');
const { createLogger } = await import('../../sync-server/dist/log.js');

const profileDir = process.env.HEARTH_BENCH_CPU_PROFILE;
const profiler = profileDir ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const options = JSON.parse(process.argv[2]);
const relay = await startRelay({ ...options, logger: createLogger(process.env.HEARTH_LOG_LEVEL ?? 'silent') });
console.log(`listening on ${relay.url}`);
process.on('SIGUSR2', () => {
  const u = process.cpuUsage();
  console.log(`cpu ${((u.user + u.system) / 1000).toFixed(0)}`);
});
process.on('SIGTERM', () => {
  void relay
    .stop()
    .then(async () => {
      if (!profiler) return;
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(join(profileDir, `relay-${process.pid}.cpuprofile`), JSON.stringify(profile));
    })
    .finally(() => process.exit(0));
});
