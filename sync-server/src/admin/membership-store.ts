// Who belongs to which private or secret space. The relay keeps this table as the source of truth
// and projects it into two documents it writes: the space's `members` (who may read the room) and
// each person's inbox `memberships` (so the app can find secret spaces the catalogue omits).
import type Database from 'better-sqlite3';

export class MembershipStore {
  private readonly addStmt;
  private readonly removeStmt;
  private readonly ofSpaceStmt;
  private readonly ofPersonStmt;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS memberships (
      space TEXT NOT NULL, person TEXT NOT NULL, PRIMARY KEY (space, person))`);
    this.addStmt = db.prepare('INSERT OR IGNORE INTO memberships (space, person) VALUES (?, ?)');
    this.removeStmt = db.prepare('DELETE FROM memberships WHERE space = ? AND person = ?');
    this.ofSpaceStmt = db.prepare<[string], { person: string }>('SELECT person FROM memberships WHERE space = ? ORDER BY person');
    this.ofPersonStmt = db.prepare<[string], { space: string }>('SELECT space FROM memberships WHERE person = ? ORDER BY space');
  }

  /** True when the person was not a member before. */
  add(space: string, person: string): boolean {
    return this.addStmt.run(space, person).changes > 0;
  }

  /** True when the person was a member before. */
  remove(space: string, person: string): boolean {
    return this.removeStmt.run(space, person).changes > 0;
  }

  members(space: string): string[] {
    return this.ofSpaceStmt.all(space).map((r) => r.person);
  }

  spacesOf(person: string): string[] {
    return this.ofPersonStmt.all(person).map((r) => r.space);
  }
}
