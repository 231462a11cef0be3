// Accepted answers and must-read acknowledgements: two outbox entries the relay carries out without
// publishing them as items. Why apart from publication: an acceptance changes the space's `answers`
// map (core's applyAcceptAnswer, the latest acceptance wins) rather than adding an item, and an
// acknowledgement changes only a count, which the relay alone may compute and write — into the
// inboxes of the announcement's author and of the communications team, as numbers, never names.
import {
  addNotice,
  answerAcceptedNotice,
  applyAcceptAnswer,
  displayName,
  readSpaceHead,
  SPACE_COMMENTS,
  type PublishedComment,
  mustReadAudience,
  mustReadNotice,
  mustReadNoticeId,
  removeNotice,
  roomName,
  setEntryStatus,
  setReach,
  SPACE_POSTS,
  type AnswerWrite,
  type DirectoryRecord,
  type OutboxEntry,
  type PublishedPost,
  type Reach,
} from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import type { Db } from '../storage/schema.js';
import { status } from './notices.js';
import { PublicationStore } from './publication-store.js';
import { docOfItem } from './space-buckets.js';

export type EngagementEntry = Extract<OutboxEntry, { type: 'accept-answer' | 'read-ack' }>;

export interface EngagementDeskOptions {
  host: DocHost;
  db: Db;
  now: () => number;
}

/**
 * How long acknowledgements of one announcement are gathered before its reach is recounted and
 * written. Why: each recount writes every overseer's inbox durably; done per acknowledgement, a
 * company-wide announcement cost ~70 ms of relay time per "I have read this" (bench/must-read-reach.mjs).
 */
const REACH_SETTLE_MS = 250;

/**
 * How many inboxes one slice of must-read notices writes before giving way (fair-lanes.ts). Why: the
 * audience can be the whole company, one durable inbox write each; written in one go, a single
 * announcement would hold a publication lane while everyone else's posts waited.
 */
const NOTICE_SLICE = 25;

export class EngagementDesk {
  /** Announcements whose reach waits to be recounted, by post id. */
  private readonly settling = new Map<string, { timer: NodeJS.Timeout; run: () => Promise<void> }>();
  private readonly running = new Set<Promise<void>>();

  private readonly records: PublicationStore;
  private readonly recordOf = (id: string) => this.records.get(id);

  constructor(private readonly opts: EngagementDeskOptions) {
    this.records = new PublicationStore(opts.db);
  }

  /** Recounts every reach still waiting (the relay is stopping), and waits for recounts under way. */
  async flush(): Promise<void> {
    const waiting = [...this.settling.values()];
    this.settling.clear();
    for (const w of waiting) {
      clearTimeout(w.timer);
      await w.run();
    }
    await Promise.all(this.running);
  }

  /** A recount of `post`'s reach shortly, once for all the acknowledgements that arrive meanwhile. */
  private settleReach(space: string, post: string, directory: ReadonlyMap<string, DirectoryRecord>): void {
    if (this.settling.has(post)) return;
    const run = async () => {
      this.settling.delete(post);
      const work = this.updateReach(space, post, directory).catch(() => undefined);
      this.running.add(work);
      await work;
      this.running.delete(work);
    };
    const timer = setTimeout(() => void run(), REACH_SETTLE_MS);
    timer.unref();
    this.settling.set(post, { timer, run });
  }

  /** Carries out a validated entry. Idempotent: a replay changes nothing. */
  async handle(p: { person: string; entry: EngagementEntry; version: number; directory: ReadonlyMap<string, DirectoryRecord> }): Promise<void> {
    const { host, now } = this.opts;
    const { entry, person } = p;
    if (entry.type === 'accept-answer') {
      // (a cast: TypeScript would narrow to 'unchanged', not seeing the write in the callback)
      let write = 'unchanged' as AnswerWrite;
      await host.write(roomName({ kind: 'space', space: entry.space }), (doc) => {
        write = applyAcceptAnswer(doc, { entry: entry.id, post: entry.post, comment: entry.comment, by: person, at: now(), retracted: entry.retracted });
      });
      // Only a new acceptance is news to the comment's author; a withdrawal or a replay is not.
      if (write === 'accepted' && entry.comment !== null && !entry.retracted) await this.tellAnswerAuthor(entry, entry.comment, person, p.directory);
    } else if (!entry.retracted) {
      // An acknowledgement is not withdrawn (core refuses to write that); a crafted retraction changes nothing.
      await this.opts.db
        .insertInto('read_receipts')
        .values({ post: entry.post, person, entry_id: entry.id, at: now() })
        .onConflict((oc) => oc.columns(['post', 'person']).doNothing())
        .execute();
      // The notice asking them to read it has done its job: it leaves "Needs your attention".
      await host.write(roomName({ kind: 'inbox', person }), (doc) => void removeNotice(doc, mustReadNoticeId(entry.post)));
      this.settleReach(entry.space, entry.post, p.directory);
      // No status: the person's app knows from its own outbox that they acknowledged.
      return;
    }
    // The status tells the person's app the relay has answered (the overlay stops showing its guess).
    await host.write(roomName({ kind: 'inbox', person }), (doc) => setEntryStatus(doc, status(entry, 'published', p.version, [], now())));
  }

  /**
   * Tells the author of the accepted comment, when it is someone else who may still read the space
   * (active, and the space public or they a member or facilitator): the notice names the space.
   */
  private async tellAnswerAuthor(entry: EngagementEntry, comment: string, by: string, directory: ReadonlyMap<string, DirectoryRecord>): Promise<void> {
    const { host } = this.opts;
    const room = roomName({ kind: 'space', space: entry.space });
    const space = await host.open(room);
    // The comment is where the relay published it (its record, or this month's bucket before its record is saved).
    const home = await docOfItem(host, entry.space, comment, this.recordOf, this.opts.now());
    const item = home.getMap<PublishedComment>(SPACE_COMMENTS).get(comment);
    if (item === undefined || item.state !== 'published') return;
    const author = item.authorId;
    const { meta, members } = readSpaceHead(space);
    const mayRead = meta !== null && (meta.visibility === 'public' || members.includes(author) || meta.facilitators.includes(author));
    if (directory.get(author)?.status !== 'active' || !mayRead) return;
    const accepter = directory.get(by);
    const byName = accepter ? displayName(accepter) : by;
    const notice = answerAcceptedNotice({ entry: entry.id, space: entry.space, post: entry.post, comment, commentAuthor: author, by, byName, at: this.opts.now() });
    if (notice !== null) await host.write(roomName({ kind: 'inbox', person: author }), (inbox) => void addNotice(inbox, notice));
  }

  /**
   * Asks every reader of a newly published must-read announcement to read it: a notice in the inbox
   * of each person in core's mustReadAudience (active, may read the space, not the author), in
   * slices with `pause()` between them. Idempotent: the notice id is the post's and addNotice keeps
   * what is there, and whoever has already acknowledged is skipped, so a replay after a restart
   * mid-way adds nothing (nor brings back a notice an acknowledgement removed).
   */
  async askToRead(space: string, post: string, directory: ReadonlyMap<string, DirectoryRecord>, publishedIn: string, pause: () => Promise<void>): Promise<void> {
    const { host, db } = this.opts;
    const room = roomName({ kind: 'space', space });
    if (!(await host.exists(room))) return;
    const doc = await host.open(room);
    const home = publishedIn !== room && (await host.exists(publishedIn)) ? await host.open(publishedIn) : doc;
    const item = home.getMap<PublishedPost>(SPACE_POSTS).get(post);
    if (item?.mustRead !== true || item.state !== 'published') return;
    const notice = mustReadNotice({ space, post, title: item.title, author: item.authorId, at: this.opts.now() });
    const audience = [...mustReadAudience(doc, directory.values(), item.authorId)];
    const acknowledged = async (people: string[]): Promise<Set<string>> =>
      people.length === 0
        ? new Set()
        : new Set((await db.selectFrom('read_receipts').select('person').where('post', '=', post).where('person', 'in', people).execute()).map((r) => r.person));
    for (let i = 0; i < audience.length; i += NOTICE_SLICE) {
      if (i > 0) await pause();
      const slice = audience.slice(i, i + NOTICE_SLICE);
      const done = await acknowledged(slice);
      for (const person of slice) if (!done.has(person)) await host.write(roomName({ kind: 'inbox', person }), (inbox) => void addNotice(inbox, notice));
      // Someone who acknowledged while this slice was written: their acknowledgement's removal may
      // have run before the notice arrived, so it is taken away again here.
      for (const person of await acknowledged(slice.filter((p) => !done.has(p)))) {
        await host.write(roomName({ kind: 'inbox', person }), (inbox) => void removeNotice(inbox, notice.id));
      }
    }
  }

  /**
   * Recounts a must-read announcement's reach and writes it to its author and the comms team.
   * The audience is core's mustReadAudience; only acknowledgements of people in it count (someone
   * who left since is no longer counted).
   */
  async updateReach(space: string, post: string, directory: ReadonlyMap<string, DirectoryRecord>, publishedIn?: string): Promise<void> {
    const { host } = this.opts;
    const room = roomName({ kind: 'space', space });
    if (!(await host.exists(room))) return;
    const doc = await host.open(room);
    // The post is where the relay published it (its record, or this month's bucket before its record is saved).
    // `publishedIn`: the room the publisher has just written it into.
    const home = publishedIn === undefined ? await docOfItem(host, space, post, this.recordOf, this.opts.now()) : await host.open(publishedIn);
    const item = home.getMap<PublishedPost>(SPACE_POSTS).get(post);
    if (item?.mustRead !== true || item.state !== 'published') return;
    const audience = mustReadAudience(doc, directory.values(), item.authorId);
    const rows = await this.opts.db.selectFrom('read_receipts').select('person').where('post', '=', post).execute();
    const acknowledged = rows.filter((r) => audience.has(r.person)).length;
    const reach: Reach = { post, space, title: item.title, acknowledged, audience: audience.size, updatedAt: this.opts.now() };
    const overseers = new Set([item.authorId, ...[...directory.values()].filter((r) => r.status === 'active' && r.roles.includes('comms')).map((r) => r.id)]);
    for (const person of overseers) await host.write(roomName({ kind: 'inbox', person }), (inbox) => setReach(inbox, reach));
  }
}
