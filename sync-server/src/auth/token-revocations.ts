// Revoking a person's tokens: a per-person "not before" time. A token issued before it (iat) is
// refused (4401 'token revoked'), whoever signed it (the relay or the identity provider), and the
// person's open connections are closed with 4401 when it is set. Why a time and not a list of
// tokens: the relay keeps no record of the tokens it mints (they are self-contained), and "everything
// this person held until now" is what an admin means after a lost laptop or a departure.
// Persisted in the relay's database (table token_revocations) so a restart keeps it; the table is
// read once into memory, because every connection asks. One instance per database, shared by the
// admin operation and the verifier of the same process (revocationsFor).
// Storage note: the relay's SQLite access is moving behind an async storage layer; this module is the
// one place that touches the table.
import type Database from 'better-sqlite3';

type RevokeListener = (personId: string) => void;

export class TokenRevocations {
  private readonly notBefore = new Map<string, number>();
  private readonly upsert;
  private readonly listeners = new Set<RevokeListener>();

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS token_revocations (person TEXT PRIMARY KEY, not_before INTEGER NOT NULL)');
    for (const row of db.prepare<[], { person: string; not_before: number }>('SELECT person, not_before FROM token_revocations').all()) {
      this.notBefore.set(row.person, row.not_before);
    }
    this.upsert = db.prepare('INSERT INTO token_revocations (person, not_before) VALUES (?, ?) ON CONFLICT(person) DO UPDATE SET not_before = excluded.not_before');
  }

  /**
   * Refuses every token of `personId` issued up to now. Returns the new "not before" (seconds):
   * the next whole second, so a token minted in the same second as the revocation is refused too.
   */
  revoke(personId: string, nowMs = Date.now()): number {
    const notBefore = Math.floor(nowMs / 1000) + 1;
    this.upsert.run(personId, notBefore);
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

const instances = new WeakMap<Database.Database, TokenRevocations>();

export function revocationsFor(db: Database.Database): TokenRevocations {
  let r = instances.get(db);
  if (r === undefined) {
    r = new TokenRevocations(db);
    instances.set(db, r);
  }
  return r;
}
