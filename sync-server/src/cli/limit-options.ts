// The `serve` flags for the per-person and per-connection limits beyond --max-message-bytes and
// --rate (docs/operations.md, "Per-person limits"). Kept here so the list of flags and their mapping
// to startRelay's `limits` stay together and cli.ts stays a list of commands.
import { rateOption, wholeNumber } from './option-parsers.js';
import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../connection/limits.js';
import type { LimitOverrides } from '../connection/limits.js';
import type { RateLimit } from '../connection/token-bucket.js';

const count = (name: string) => wholeNumber(name);
const rate = rateOption;
const showRate = (r: RateLimit) => `${r.perSecond}/s:${r.burst}`;
const d = DEFAULT_LIMITS;
const a = DEFAULT_LIMITS.awareness;

type Flag = readonly [flag: string, help: string, parse: (value: string) => unknown, set: (o: LimitOverrides, value: never) => unknown];

/** [flag, help, parser, where it goes]; the default is shown from DEFAULT_LIMITS. */
const FLAGS: readonly Flag[] = [
  ['--max-connections-per-person <n>', `open sockets per person, both paths; 0 = no cap (default ${d.maxConnectionsPerPerson})`, count('max-connections-per-person'), (o, v: number) => (o.maxConnectionsPerPerson = v)],
  ['--max-connections-per-address <n>', `open sockets per remote address; 0 = no cap (default ${d.maxConnectionsPerAddress})`, count('max-connections-per-address'), (o, v: number) => (o.maxConnectionsPerAddress = v)],
  ['--max-buffered-per-person <bytes>', `unsent output of one person's sockets together (default ${d.maxBufferedBytesPerPerson})`, count('max-buffered-per-person'), (o, v: number) => (o.maxBufferedBytesPerPerson = v)],
  ['--automerge-rate <rate>', `/automerge messages per socket (default ${showRate(d.automergeRate)})`, rate, (o, v: RateLimit) => (o.automergeRate = v)],
  ['--automerge-rate-per-person <rate>', `/automerge messages per person (default ${showRate(d.automergeRatePerPerson)})`, rate, (o, v: RateLimit) => (o.automergeRatePerPerson = v)],
  ['--awareness-rate <rate>', `awareness messages per connection (default ${showRate(a.rate)})`, rate, (o, v: RateLimit) => ((o.awareness ??= {}).rate = v)],
  ['--awareness-max-state-bytes <n>', `largest awareness state (default ${a.maxStateBytes})`, count('awareness-max-state-bytes'), (o, v: number) => ((o.awareness ??= {}).maxStateBytes = v)],
  ['--awareness-max-clients-per-connection <n>', `awareness client ids per connection (default ${a.maxClientsPerConnection})`, count('awareness-max-clients-per-connection'), (o, v: number) => ((o.awareness ??= {}).maxClientsPerConnection = v)],
  ['--awareness-max-clients-per-person <n>', `awareness client ids per person in one room (default ${a.maxClientsPerPersonPerRoom})`, count('awareness-max-clients-per-person'), (o, v: number) => ((o.awareness ??= {}).maxClientsPerPersonPerRoom = v)],
  ['--awareness-max-room-bytes <n>', `all awareness states of one room (default ${a.maxRoomBytes})`, count('awareness-max-room-bytes'), (o, v: number) => ((o.awareness ??= {}).maxRoomBytes = v)],
];

export function addLimitOptions(command: Command): Command {
  for (const [flag, help, parse] of FLAGS) command.option(flag, help, parse as (value: string) => number);
  return command;
}

/** The limits given on the command line (commander's camel-cased option values). */
export function limitOverrides(opts: Record<string, unknown>): LimitOverrides {
  const out: LimitOverrides = {};
  for (const [flag, , , set] of FLAGS) {
    const key = flag.slice(2, flag.indexOf(' ')).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (opts[key] !== undefined) set(out, opts[key] as never);
  }
  return out;
}
