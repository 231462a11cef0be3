// The relay's recognition and knowledge work around publication: the facts validation needs for
// kudos (the admin's switch, the giver's kudos of the last day), the settings entries it records
// (kudos consent, leaderboards; bookmarks are recorded and never written anywhere), and the badges
// it alone awards after a publication or an acknowledgement. Why apart from the publisher: the
// publisher stays the one pipeline for every kind; this desk only answers its questions.
import {
  BADGE_RULES,
  HELPING_COMMENTS,
  KUDOS_FOR_BADGE,
  RECOGNITION_BADGES,
  RECOGNITION_KUDOS,
  SPACE_COMMENTS,
  awardBadge,
  setRecognitionSettings,
  DEFAULT_RECOGNITION_SETTINGS,
  RECOGNITION_SETTINGS,
  bucketRoomName,
  readBucketIndex,
  badgeKey,
  helpedForAMonth,
  readRecognitionSettings,
  recognitionOn,
  roomName,
  setKudosConsent,
  setLeaderboard,
  type DirectoryRecord,
  type EngagementContext,
  type OutboxEntry,
  type PublishedComment,
  type PublishedKudos,
} from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';

export const RECOGNITION_ROOM = roomName({ kind: 'recognition' });
const DAY = 86_400_000;

export class RecognitionDesk {
  constructor(
    private readonly host: DocHost,
    private readonly now: () => number = Date.now,
  ) {}

  /** Writes the default settings (on) if the admin never set any, so every app knows where it stands. */
  async ensureSettings(): Promise<void> {
    const doc = await this.host.open(RECOGNITION_ROOM);
    if (!doc.getMap<unknown>(RECOGNITION_SETTINGS).has('enabled')) {
      await this.host.write(RECOGNITION_ROOM, (d) => setRecognitionSettings(d, DEFAULT_RECOGNITION_SETTINGS));
    }
  }

  /** What validateEntry needs for a recognition entry of `person`. */
  async context(person: string, entryId: string): Promise<EngagementContext> {
    const doc = await this.host.open(RECOGNITION_ROOM);
    const since = this.now() - DAY;
    let kudosLastDay = 0;
    for (const v of doc.getMap<PublishedKudos>(RECOGNITION_KUDOS).values()) {
      // Withdrawn kudos count too: giving and withdrawing in a loop must not get round the limit.
      if (v.authorId === person && v.id !== entryId && (v.publishedAt ?? v.createdAt) >= since) kudosLastDay++;
    }
    return { settings: readRecognitionSettings(doc), kudosLastDay };
  }

  /** Settings entries: the latest of a person's (or a space's) entries wins. Bookmarks: nothing to write. */
  async record(person: string, entry: OutboxEntry): Promise<void> {
    if (entry.retracted) return;
    if (entry.type === 'kudos-consent') {
      await this.host.write(RECOGNITION_ROOM, (doc) => setKudosConsent(doc, person, { inSpaces: entry.inSpaces, entry: entry.id }));
    } else if (entry.type === 'leaderboard') {
      await this.host.write(RECOGNITION_ROOM, (doc) => setLeaderboard(doc, entry.space, { enabled: entry.enabled, by: person, entry: entry.id, at: this.now() }));
    }
  }

  /** After the relay published `entry` of `person`: the badges it earned, if recognition is on for them. */
  async afterPublication(person: string, entry: OutboxEntry, directory: ReadonlyMap<string, DirectoryRecord>): Promise<void> {
    if (entry.retracted) return;
    if (entry.type === 'post') await this.award(person, 'first-post', null, directory);
    else if (entry.type === 'kudos') {
      const doc = await this.host.open(RECOGNITION_ROOM);
      let received = 0;
      for (const k of doc.getMap<PublishedKudos>(RECOGNITION_KUDOS).values()) if (k.to === entry.to && k.state === 'published') received++;
      if (received >= KUDOS_FOR_BADGE) await this.award(entry.to, 'ten-kudos', null, directory);
    } else if (entry.type === 'comment') {
      if (await this.has(person, 'month-of-helping', entry.space)) return;
      // One pass over the space's comments, and only until the badge is earned there.
      // The space document (data from before time buckets) and every bucket its index names.
      const times: number[] = [];
      const space = await this.host.open(roomName({ kind: 'space', space: entry.space }));
      const docs = [space];
      for (const b of readBucketIndex(space)) {
        const room = bucketRoomName(entry.space, b.key);
        if (await this.host.exists(room)) docs.push(await this.host.open(room));
      }
      for (const doc of docs) for (const c of doc.getMap<PublishedComment>(SPACE_COMMENTS).values()) if (c.authorId === person && c.state === 'published') times.push(c.createdAt);
      if (times.length >= HELPING_COMMENTS && helpedForAMonth(times)) await this.award(person, 'month-of-helping', entry.space, directory);
    }
  }

  async afterAcknowledgement(person: string, directory: ReadonlyMap<string, DirectoryRecord>): Promise<void> {
    await this.award(person, 'policy-acknowledged', null, directory);
  }

  private async has(person: string, badge: string, space: string | null): Promise<boolean> {
    const doc = await this.host.open(RECOGNITION_ROOM);
    return doc.getMap<unknown>(RECOGNITION_BADGES).has(badgeKey({ person, badge, space }));
  }

  /** Awards `badge` once, only for a rule of BADGE_RULES and while recognition is on for the person. */
  async award(person: string, badge: string, space: string | null, directory: ReadonlyMap<string, DirectoryRecord>): Promise<void> {
    if (!BADGE_RULES.some((r) => r.id === badge)) return;
    const record = directory.get(person);
    if (record === undefined) return;
    const doc = await this.host.open(RECOGNITION_ROOM);
    if (!recognitionOn(readRecognitionSettings(doc), record.country)) return;
    if (doc.getMap<unknown>(RECOGNITION_BADGES).has(badgeKey({ person, badge, space }))) return;
    await this.host.write(RECOGNITION_ROOM, (d) => awardBadge(d, { person, badge, space, awardedAt: this.now() }));
  }
}
