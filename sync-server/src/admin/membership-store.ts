// Who belongs to which space: private and secret ones (by admin or approved request) and public ones
// a person joined. The relay keeps this table as the source of truth
// and projects it into two documents it writes: the space's `members` (who may read the room) and
// each person's inbox `memberships` (so the app can find secret spaces the catalogue omits).
import type Database from 'better-sqlite3';
import { roomName, setMemberships, setSpaceMembers } from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';

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

/**
 * Writes one membership change into the two documents that show it: the space's member list and the
 * person's inbox memberships, both rebuilt from the table, so replaying it changes nothing.
 */
export async function projectMembership(host: DocHost, store: MembershipStore, space: string, person: string): Promise<void> {
  await host.write(roomName({ kind: 'space', space }), (doc) => setSpaceMembers(doc, store.members(space)));
  await host.write(roomName({ kind: 'inbox', person }), (doc) => setMemberships(doc, store.spacesOf(person)));
}
