// Leases: at most one relay process at a time does a piece of work that must not run twice at
// once (publishing one person's outbox, carrying out moderation decisions, a retention sweep). Why
// in the database and not in Redis: the work's own writes are in the database, so the fence can be
// checked in the very transaction that records the work — a holder that paused past its lease
// (GC, a stalled disk) and lost it to another process finds its commit refused instead of doubling
// the work. Every acquisition raises the lease's token (the fencing token); `fence(tx)` locks the
// lease row in the caller's transaction and fails unless this holder's token is still current, and
// a takeover must wait for that row lock, so the check cannot race a takeover.
// A holder that dies (SIGKILL) simply stops renewing; after `ttlMs` another process acquires.
import { randomBytes } from 'node:crypto';
import { Coalescer } from './coalescer.js';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Tables } from './schema.js';

export class LeaseLost extends Error {
  override name = 'LeaseLost';
}

export interface Lease {
  readonly name: string;
  readonly token: number;
  /** The process holding it (Leases.holder). */
  readonly holder: string;
  /** Fails with LeaseLost unless this lease is still held; call first inside the work's transaction. */
  fence(tx: Db): Promise<void>;
  /** Extends the lease by its ttl; false when it was lost. */
  renew(): Promise<boolean>;
  /** Lets another process take it at once. */
  release(): Promise<void>;
}

/** The longest wait before asking for a busy lease again (see Leases.retryIn). */
export const LEASE_POLL_MS = 250;

export class Leases {
  /** This process's identity as a holder (random per start: a restarted process is a new holder). */
  readonly holder = randomBytes(8).toString('hex');

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get ttl(): number {
    return this.ttlMs;
  }

  /**
   * Acquisitions and releases asked for at once share a statement (coalescer.ts): the publisher
   * takes and lets go of one outbox lease per pass, dozens of passes at a time. An upsert may touch
   * a row once per statement, so two acquisitions of one name never share one.
   */
  private readonly acquiring = new Coalescer<string, number | null>((names) => this.acquireAll(names), { max: 200, keyOf: (name) => name });
  private readonly releasing = new Coalescer<Lease, void>((leases) => this.releaseAll(leases), { max: 200 });

  /** Takes the lease when it is free, expired or already ours; null while another process holds it. */
  async acquire(name: string): Promise<Lease | null> {
    const token = await this.acquiring.ask(name);
    return token === null ? null : this.lease(name, token);
  }

  /** Each named lease's new token, or null where another process holds it. */
  private async acquireAll(names: readonly string[]): Promise<Array<number | null>> {
    const now = this.now();
    const rows = await this.db
      .insertInto('leases')
      .values(names.map((name) => ({ name, holder: this.holder, token: 1, expires_at: now + this.ttlMs })))
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), token: eb('leases.token', '+', 1), expires_at: eb.ref('excluded.expires_at') }))
          .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.holder', '=', this.holder)])),
      )
      .returning(['name', 'token'])
      .execute();
    const tokens = new Map(rows.map((r) => [r.name, Number(r.token)]));
    return names.map((name) => tokens.get(name) ?? null);
  }

  /** Lets go of leases still held by this holder under these tokens (a lost one is left alone). */
  private async releaseAll(leases: readonly Lease[]): Promise<void[]> {
    await this.db
      .updateTable('leases')
      .set({ expires_at: 0 })
      .where((eb) => theseLeases(eb, leases))
      .execute();
    return leases.map(() => undefined);
  }

  /** The tokens of the leases whose names start with `prefix`, now (a lease never taken is absent). */
  async tokens(prefix: string): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('leases').select(['name', 'token']).where('name', '>=', prefix).where('name', '<', `${prefix}\uffff`).execute();
    return new Map(rows.map((r) => [r.name, Number(r.token)]));
  }

  /**
   * Whether another process has taken the named lease since `tokens` gave `before` (its token then,
   * undefined when it had never been taken). Asked by many callers at once, in one statement.
   */
  async takenElsewhereSince(name: string, before: number | undefined): Promise<boolean> {
    const now = await this.current.ask(name);
    return now !== undefined && now.holder !== this.holder && now.token > (before ?? 0);
  }

  private readonly current = new Coalescer<string, { holder: string; token: number } | undefined>(
    async (names) => {
      const rows = await this.db.selectFrom('leases').select(['name', 'holder', 'token']).where('name', 'in', [...new Set(names)]).execute();
      const byName = new Map(rows.map((r) => [r.name, { holder: r.holder, token: Number(r.token) }]));
      return names.map((n) => byName.get(n));
    },
    { max: 500 },
  );

  /**
   * Leases whose holder stopped renewing without letting go: expired, never released (a release
   * sets the expiry to 0). Their holder died (or stalled past the ttl) in the middle of the work;
   * see lease-sweep.ts.
   */
  async abandoned(): Promise<string[]> {
    const rows = await this.db.selectFrom('leases').select('name').where('expires_at', '>', 0).where('expires_at', '<=', this.now()).orderBy('name').execute();
    return rows.map((r) => r.name);
  }

  /**
   * When to try the named lease again: when it expires, but at most LEASE_POLL_MS from now. Why the
   * cap: a holder usually releases long before expiry (a publication pass takes milliseconds, the
   * lease lasts seconds), and waiting for the expiry made a second process start 10 s late (the
   * bucket migration lease) and a post written through it wait up to 10 s for its author's lease.
   */
  async retryIn(name: string): Promise<number> {
    return Math.min(LEASE_POLL_MS, await this.freeIn(name));
  }

  /** When the named lease's current holder lets go (expiry included), in ms from now; 0 when free. */
  async freeIn(name: string): Promise<number> {
    const row = await this.db.selectFrom('leases').select('expires_at').where('name', '=', name).executeTakeFirst();
    return row === undefined ? 0 : Math.max(0, row.expires_at - this.now());
  }

  private lease(name: string, token: number): Lease {
    const mine = (db: Db) => db.updateTable('leases').where('name', '=', name).where('holder', '=', this.holder).where('token', '=', token);
    const lease: Lease = {
      name,
      token,
      holder: this.holder,
      fence: async (tx) => {
        if ((await fenceAll(tx, [lease])).size !== 1) throw new LeaseLost(`lease ${name} (token ${token}) is no longer held`);
      },
      renew: async () => Number((await mine(this.db).set({ expires_at: this.now() + this.ttlMs }).executeTakeFirst()).numUpdatedRows) === 1,
      release: () => this.releasing.ask(lease),
    };
    return lease;
  }
}

/**
 * `fence` for several leases in one statement: the leases still held, their rows locked in `tx`. An
 * UPDATE, not a SELECT: it takes the row lock (PostgreSQL) or the write lock (SQLite), so a takeover
 * waits for the caller's transaction.
 * Why: the outcome recorder commits the outcomes of many outboxes together, and one UPDATE per
 * lease was a round trip per person in every group commit on PostgreSQL.
 */
export async function fenceAll(tx: Db, leases: readonly Lease[]): Promise<Set<Lease>> {
  if (leases.length === 0) return new Set();
  const rows = await tx
    .updateTable('leases')
    .set((eb) => ({ expires_at: eb.ref('expires_at') }))
    .where((eb) => theseLeases(eb, leases))
    .returning(['name', 'holder', 'token'])
    .execute();
  const held = new Set(rows.map((r) => `${r.name}\n${r.holder}\n${Number(r.token)}`));
  return new Set(leases.filter((l) => held.has(`${l.name}\n${l.holder}\n${l.token}`)));
}

/** The rows of exactly these leases: each one's name, held by its holder under its token. */
function theseLeases(eb: ExpressionBuilder<Tables, 'leases'>, leases: readonly Lease[]): Expression<SqlBool> {
  return eb.or(leases.map((l) => eb.and([eb('name', '=', l.name), eb('holder', '=', l.holder), eb('token', '=', l.token)])));
}
