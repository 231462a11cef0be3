// Revoking a person's tokens: a per-person "not before" time. A token issued before it (iat) is
// refused (4401 'token revoked'), whoever signed it (the relay or the identity provider), and the
// person's open connections are closed with 4401 when it is set. Why a time and not a list of
// tokens: the relay keeps no record of the tokens it mints (they are self-contained), and "everything
// this person held until now" is what an admin means after a lost laptop or a departure.
// Persisted in the relay's database (table token_revocations) so a restart keeps it; the table is
// read once into memory, because every connection asks. One instance per database, shared by the
// admin operation and the verifier of the same process (revocationsFor).
// Several relay processes: each re-reads the table every REFRESH_MS (and at once after its own
// revocation), so a revocation made through one process reaches the others within that time.
import type { Db } from '../storage/schema.js';

const REFRESH_MS = 10_000;

type RevokeListener = (personId: string) => void;

export class TokenRevocations {
  private readonly notBefore = new Map<string, number>();
  private readonly listeners = new Set<RevokeListener>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  /** Reads the table into memory (at start; then every REFRESH_MS until `stop`). */
  async load(): Promise<void> {
    for (const row of await this.db.selectFrom('token_revocations').select(['person', 'not_before']).execute()) {
      this.notBefore.set(row.person, Math.max(row.not_before, this.notBefore.get(row.person) ?? 0));
    }
    if (this.timer === null) {
      this.timer = setInterval(() => void this.load().catch(() => undefined), REFRESH_MS);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Refuses every token of `personId` issued up to now. Returns the new "not before" (seconds):
   * the next whole second, so a token minted in the same second as the revocation is refused too.
   */
  async revoke(personId: string, nowMs = Date.now()): Promise<number> {
    const notBefore = Math.floor(nowMs / 1000) + 1;
    await this.db
      .insertInto('token_revocations')
      .values({ person: personId, not_before: notBefore })
      .onConflict((oc) => oc.column('person').doUpdateSet((eb) => ({ not_before: eb.ref('excluded.not_before') })))
      .execute();
    this.notBefore.set(personId, notBefore);
    for (const listener of this.listeners) listener(personId);
    return notBefore;
  }

  /** Whether a token of `personId` issued at `issuedAt` (seconds) was revoked. */
  isRevoked(personId: string, issuedAt: number): boolean {
    const notBefore = this.notBefore.get(personId);
    return notBefore !== undefined && issuedAt < notBefore;
  }

  /** Told of every revocation (the relay closes the person's open connections). */
  onRevoke(listener: RevokeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const instances = new WeakMap<Db, TokenRevocations>();

export function revocationsFor(db: Db): TokenRevocations {
  let r = instances.get(db);
  if (r === undefined) {
    r = new TokenRevocations(db);
    instances.set(db, r);
  }
  return r;
}
