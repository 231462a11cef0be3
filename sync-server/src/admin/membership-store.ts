// Who belongs to which space: private and secret ones (by admin or approved request) and public ones
// a person joined. The relay keeps this table as the source of truth
// and projects it into two documents it writes: the space's `members` (who may read the room) and
// each person's inbox `memberships` (so the app can find secret spaces the catalogue omits).
import { roomName, setMemberships, setSpaceMembers } from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import type { Db } from '../storage/schema.js';

export class MembershipStore {
  constructor(private readonly db: Db) {}

  /** True when the person was not a member before. */
  async add(space: string, person: string): Promise<boolean> {
    const r = await this.db.insertInto('memberships').values({ space, person }).onConflict((oc) => oc.columns(['space', 'person']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** True when the person was a member before. */
  async remove(space: string, person: string): Promise<boolean> {
    const r = await this.db.deleteFrom('memberships').where('space', '=', space).where('person', '=', person).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async members(space: string): Promise<string[]> {
    const rows = await this.db.selectFrom('memberships').select('person').where('space', '=', space).orderBy('person').execute();
    return rows.map((r) => r.person);
  }

  async spacesOf(person: string): Promise<string[]> {
    const rows = await this.db.selectFrom('memberships').select('space').where('person', '=', person).orderBy('space').execute();
    return rows.map((r) => r.space);
  }
}

/**
 * Writes one membership change into the two documents that show it: the space's member list and the
 * person's inbox memberships, both rebuilt from the table, so replaying it changes nothing.
 */
export async function projectMembership(host: DocHost, store: MembershipStore, space: string, person: string): Promise<void> {
  const members = await store.members(space);
  const spaces = await store.spacesOf(person);
  await host.write(roomName({ kind: 'space', space }), (doc) => setSpaceMembers(doc, members));
  await host.write(roomName({ kind: 'inbox', person }), (doc) => setMemberships(doc, spaces));
}
