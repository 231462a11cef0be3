// Accepted answers and must-read acknowledgements: two outbox entries the relay carries out without
// publishing them as items. Why apart from publication: an acceptance changes the space's `answers`
// map (core's applyAcceptAnswer, the latest acceptance wins) rather than adding an item, and an
// acknowledgement changes only a count, which the relay alone may compute and write — into the
// inboxes of the announcement's author and of the communications team, as numbers, never names.
import {
  applyAcceptAnswer,
  readSpace,
  roomName,
  setEntryStatus,
  setReach,
  SPACE_POSTS,
  type DirectoryRecord,
  type OutboxEntry,
  type PublishedPost,
  type Reach,
} from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import type { Db } from '../storage/schema.js';
import { status } from './notices.js';

export type EngagementEntry = Extract<OutboxEntry, { type: 'accept-answer' | 'read-ack' }>;

export interface EngagementDeskOptions {
  host: DocHost;
  db: Db;
  now: () => number;
}

export class EngagementDesk {
  constructor(private readonly opts: EngagementDeskOptions) {}

  /** Carries out a validated entry. Idempotent: a replay changes nothing. */
  async handle(p: { person: string; entry: EngagementEntry; version: number; directory: ReadonlyMap<string, DirectoryRecord> }): Promise<void> {
    const { host, now } = this.opts;
    const { entry, person } = p;
    if (entry.type === 'accept-answer') {
      await host.write(roomName({ kind: 'space', space: entry.space }), (doc) =>
        applyAcceptAnswer(doc, { entry: entry.id, post: entry.post, comment: entry.comment, by: person, at: now(), retracted: entry.retracted }),
      );
    } else if (!entry.retracted) {
      // An acknowledgement is not withdrawn (core refuses to write that); a crafted retraction changes nothing.
      await this.opts.db
        .insertInto('read_receipts')
        .values({ post: entry.post, person, entry_id: entry.id, at: now() })
        .onConflict((oc) => oc.columns(['post', 'person']).doNothing())
        .execute();
      await this.updateReach(entry.space, entry.post, p.directory);
    }
    // The status tells the person's app the relay has answered (the overlay stops showing its guess).
    await host.write(roomName({ kind: 'inbox', person }), (doc) => setEntryStatus(doc, status(entry, 'published', p.version, [], now())));
  }

  /**
   * Recounts a must-read announcement's reach and writes it to its author and the comms team.
   * The audience: every active person who can read the space (public: the directory; otherwise
   * its members and facilitators), the author left out; only their acknowledgements count.
   */
  async updateReach(space: string, post: string, directory: ReadonlyMap<string, DirectoryRecord>): Promise<void> {
    const { host } = this.opts;
    const room = roomName({ kind: 'space', space });
    if (!(await host.exists(room))) return;
    const doc = await host.open(room);
    const item = doc.getMap<PublishedPost>(SPACE_POSTS).get(post);
    if (item?.mustRead !== true || item.state !== 'published') return;
    const view = readSpace(doc);
    const active = (id: string) => directory.get(id)?.status === 'active' && id !== item.authorId;
    const audience = new Set(
      view.meta?.visibility === 'public' ? [...directory.keys()].filter(active) : [...view.members, ...(view.meta?.facilitators ?? [])].filter(active),
    );
    const rows = await this.opts.db.selectFrom('read_receipts').select('person').where('post', '=', post).execute();
    const acknowledged = rows.filter((r) => audience.has(r.person)).length;
    const reach: Reach = { post, space, title: item.title, acknowledged, audience: audience.size, updatedAt: this.opts.now() };
    const overseers = new Set([item.authorId, ...[...directory.values()].filter((r) => r.status === 'active' && r.roles.includes('comms')).map((r) => r.id)]);
    for (const person of overseers) await host.write(roomName({ kind: 'inbox', person }), (inbox) => setReach(inbox, reach));
  }
}
