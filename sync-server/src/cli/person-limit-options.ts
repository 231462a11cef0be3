// The `serve` flags for what one person's updates may cost (src/rooms/person-limits.ts;
// docs/operations.md, "Per-person limits"). Beside limit-options.ts, which holds the connection caps.
import { rateOption, wholeNumber } from './option-parsers.js';
import type { Command } from 'commander';
import { DEFAULT_PERSON_LIMITS as d } from '../rooms/person-limits.js';
import type { PersonLimits } from '../rooms/person-limits.js';

const count = (name: string) => wholeNumber(name, 1);
const rate = rateOption;

type Flag = readonly [flag: string, help: string, parse: (value: string) => unknown, set: (o: Partial<PersonLimits>, value: never) => unknown];

const FLAGS: readonly Flag[] = [
  ['--max-structs-per-update <n>', `structs one outbox update may carry (default ${d.maxStructsPerUpdate})`, count('max-structs-per-update'), (o, v: number) => (o.maxStructsPerUpdate = v)],
  ['--max-delete-ranges-per-update <n>', `delete ranges one outbox update may carry (default ${d.maxDeleteRangesPerUpdate})`, count('max-delete-ranges-per-update'), (o, v: number) => (o.maxDeleteRangesPerUpdate = v)],
  ['--max-concurrent-inserts <n>', `concurrent inserts at one position of an outbox (default ${d.maxConcurrentInserts})`, count('max-concurrent-inserts'), (o, v: number) => (o.maxConcurrentInserts = v)],
  ['--max-outbox-bytes <n>', `stored bytes per outbox (default ${d.maxOutboxBytes})`, count('max-outbox-bytes'), (o, v: number) => (o.maxOutboxBytes = v)],
  ['--write-rate <bytes/s[:burst]>', `bytes one person may have stored per second (default ${d.writeRate.bytesPerSecond}/s:${d.writeRate.burstBytes})`, rate, (o, v: { perSecond: number; burst: number }) => (o.writeRate = { bytesPerSecond: v.perSecond, burstBytes: v.burst })],
  ['--cpu-budget <ms/s[:burst]>', `thread time per person for applying their updates (default ${d.cpu.msPerSecond}/s:${d.cpu.burstMs})`, rate, (o, v: { perSecond: number; burst: number }) => (o.cpu = { msPerSecond: v.perSecond, burstMs: v.burst })],
  ['--max-pending-bytes <n>', `bytes waiting for missing dependencies per outbox (default ${d.maxPendingBytes})`, count('max-pending-bytes'), (o, v: number) => (o.maxPendingBytes = v)],
  ['--max-pending-updates <n>', `updates waiting for missing dependencies per outbox (default ${d.maxPendingUpdates})`, count('max-pending-updates'), (o, v: number) => (o.maxPendingUpdates = v)],
  ['--max-queued-messages <n>', `messages of one connection waiting before its socket is paused (default ${d.maxQueuedMessages})`, count('max-queued-messages'), (o, v: number) => (o.maxQueuedMessages = v)],
];

export function addPersonLimitOptions(command: Command): Command {
  for (const [flag, help, parse] of FLAGS) command.option(flag, help, parse as (value: string) => number);
  return command;
}

/** The per-person limits given on the command line (commander's camel-cased option values). */
export function personLimitOverrides(opts: Record<string, unknown>): Partial<PersonLimits> {
  const out: Partial<PersonLimits> = {};
  for (const [flag, , , set] of FLAGS) {
    const key = flag.slice(2, flag.indexOf(' ')).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (opts[key] !== undefined) set(out, opts[key] as never);
  }
  return out;
}
