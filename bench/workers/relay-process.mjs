// One relay process for bench/relay-publications.mjs. It lives across runs, so that a run can be
// timed in a process that has already worked (a relay in production runs for days: its code is
// compiled by V8's optimising tiers long before any figure matters) as well as in a fresh one.
// Commands, one JSON object per line on stdin:
//   {"op":"start","options":{…}}  startRelay from the build with these options; prints `listening on <url>`
//   {"op":"stop"}                 stops the relay; prints `stopped`
//   {"op":"cpu"}                  prints `cpu <user+system ms>` of the process so far
// The process ends when stdin closes. Not a benchmark itself (bench/run.mjs runs only bench/*.mjs).
// HEARTH_BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the process there when it ends (open it
// in Chrome's DevTools; NODE_OPTIONS cannot carry --cpu-prof).
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const { startRelay } = await import('../../sync-server/dist/server/relay.js');
const { createLogger } = await import('../../sync-server/dist/log.js');

const profileDir = process.env.HEARTH_BENCH_CPU_PROFILE;
const profiler = profileDir ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

let relay = null;
const commands = {
  async start({ options }) {
    relay = await startRelay({ ...options, logger: createLogger(process.env.HEARTH_LOG_LEVEL ?? 'silent') });
    return `listening on ${relay.url}`;
  },
  async stop() {
    await relay?.stop();
    relay = null;
    return 'stopped';
  },
  async cpu() {
    const u = process.cpuUsage();
    return `cpu ${((u.user + u.system) / 1000).toFixed(0)}`;
  },
};

// One command at a time, in order: a stop must not overtake the start before it.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = JSON.parse(line);
  queue = queue.then(async () => console.log(await commands[command.op](command))).catch((err) => console.log(`error ${String(err?.stack ?? err).replaceAll('\n', ' | ')}`));
});
lines.on('close', () => {
  queue = queue
    .then(() => commands.stop())
    .then(async () => {
      if (!profiler) return;
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(join(profileDir, `relay-${process.pid}.cpuprofile`), JSON.stringify(profile));
    })
    .finally(() => process.exit(0));
});
