// Dead leases are taken over. Why a sweep: a lease expires by itself when its holder dies (SIGKILL,
// a lost machine), but nobody acquires it again unless some process happens to want that work —
// another process tries an outbox only when it hears of a change to it, a case only when a
// moderator touches it. An outbox whose holder died mid-publication, with nobody writing to it
// afterwards, kept its pending entries unpublished for good. Every process therefore looks, once
// per lease ttl, for leases that expired without being released, and hands each to the work it
// names; that work acquires the lease as usual (one process wins, the others find it held and
// retry after it is released), so the pending work is done exactly once.
import type { Logger } from '../log.js';
import type { Leases } from './leases.js';

/** Work named by a lease prefix (`outbox:` → the person's outbox pass, `case:` → the case). */
export type LeaseTakers = Record<string, (id: string) => void>;

export interface LeaseSweep {
  /** One sweep now: the abandoned leases it handed over. */
  sweep(): Promise<string[]>;
  stop(): void;
}

export function startLeaseSweep(leases: Leases, takers: LeaseTakers, log: Logger, everyMs = leases.ttl): LeaseSweep {
  const sweep = async (): Promise<string[]> => {
    const handed: string[] = [];
    for (const name of await leases.abandoned()) {
      const colon = name.indexOf(':');
      const take = takers[colon < 0 ? name : name.slice(0, colon + 1)];
      if (take === undefined) continue;
      handed.push(name);
      take(colon < 0 ? '' : name.slice(colon + 1));
    }
    if (handed.length > 0) log.info({ leases: handed }, 'taking over work whose holder stopped without letting go');
    return handed;
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((err: unknown) => log.warn({ err }, 'lease sweep failed'))
      .finally(() => (running = false));
  }, Math.max(250, everyMs));
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
