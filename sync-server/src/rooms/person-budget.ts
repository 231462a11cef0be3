// What each person has spent of the relay: bytes stored and thread time. Why buckets that go into
// debt instead of refusals: a burst from an honest client (a first sync after weeks offline) is
// simply slowed down, while a flood makes only its sender wait — their next messages and
// publication passes start once the debt is paid back; everyone else is not affected.
import type { PersonLimits } from './person-limits.js';

class DebtBucket {
  private level: number;
  private last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.level = burst;
  }

  private refill(): void {
    const now = performance.now();
    this.level = Math.min(this.burst, this.level + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  spend(amount: number): void {
    this.refill();
    this.level -= amount;
  }

  /** Milliseconds until `amount` more can be spent without going below zero (0 when it can now). */
  waitFor(amount: number): number {
    this.refill();
    const short = Math.min(amount, this.burst) - this.level;
    return short <= 0 ? 0 : Math.ceil((short / this.perSecond) * 1000);
  }

  get full(): boolean {
    this.refill();
    return this.level >= this.burst;
  }
}

interface Budget {
  bytes: DebtBucket;
  cpu: DebtBucket;
}

export class PersonBudgets {
  private readonly budgets = new Map<string, Budget>();

  constructor(private readonly limits: Pick<PersonLimits, 'writeRate' | 'cpu'>) {}

  private of(person: string): Budget {
    let b = this.budgets.get(person);
    if (b === undefined) {
      b = {
        bytes: new DebtBucket(this.limits.writeRate.bytesPerSecond, this.limits.writeRate.burstBytes),
        cpu: new DebtBucket(this.limits.cpu.msPerSecond, this.limits.cpu.burstMs),
      };
      this.budgets.set(person, b);
    }
    return b;
  }

  /** Milliseconds `person` must wait before work that will store `bytes` may start. */
  delayFor(person: string, bytes = 0): number {
    const b = this.of(person);
    return Math.max(b.cpu.waitFor(1), bytes > 0 ? b.bytes.waitFor(bytes) : 0);
  }

  /** Waits until `person` may start work that stores `bytes` (0: only thread time counts). */
  async ready(person: string, bytes = 0): Promise<void> {
    for (let wait = this.delayFor(person, bytes); wait > 0; wait = this.delayFor(person, bytes)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  chargeBytes(person: string, bytes: number): void {
    this.of(person).bytes.spend(bytes);
  }

  chargeCpu(person: string, ms: number): void {
    this.of(person).cpu.spend(ms);
  }

  /** Forgets people whose buckets are full again (nothing to remember). */
  sweep(): void {
    for (const [person, b] of this.budgets) if (b.bytes.full && b.cpu.full) this.budgets.delete(person);
  }
}
