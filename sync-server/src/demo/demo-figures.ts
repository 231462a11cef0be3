// Demo figures: a month of everyday activity, so the Figures screen has something to show the day
// the demo is opened, and a course with progress. Reactions by a different handful of Poll
// Limited's people every day of the last 30 (relative to when the demo loads, so the month is
// always the recent one), published with core's publishEntry and a publication record each, as if
// their authors had written them, like every demo item; and progress through the Research Methods
// course, recorded as the relay records module-done entries. Deterministic (a seeded generator):
// every fresh demo shows the same shape of figures.
import { REACTIONS, bucketRoomName, isModule, publishEntry, readBucketIndex, readDirectory, readSpaceAcross, roomName, type OutboxEntry, type Reaction } from '@hearth/core';
import type { AdminContext } from '../admin/registry.js';
import { CourseProgressStore } from '../figures/course-progress-store.js';
import { fingerprint } from '../publication/fingerprint.js';
import { PublicationStore } from '../publication/publication-store.js';

const DAY = 86_400_000;
const DAYS = 30;
const SPACES = ['news', 'general', 'data-science', 'research-methods', 'london-office'];
const COURSE = 'research-methods';
/** Learners of the demo course and how many of its modules (oldest first) each has done. */
const LEARNERS: Record<string, number> = { lena: 2, joao: 2, manpreet: 2, carmen: 2, yuki: 2, niamh: 1, jonas: 1, daisuke: 1, haruto: 0, nisha: 1 };

/** mulberry32: a tiny seeded generator, so the demo is the same every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadDemoFigures(ctx: AdminContext, published: readonly { author: string; entry: OutboxEntry }[], now = Date.now()): Promise<void> {
  const rand = random(20261125);
  const people = readDirectory(await ctx.host.open('directory')).filter((r) => r.status === 'active').map((r) => r.id);
  const posts = published.flatMap(({ entry }) => (entry.type === 'post' && SPACES.includes(entry.space) ? [entry] : []));
  const taken = new Set(published.flatMap(({ author, entry }) => (entry.type === 'reaction' ? [`${author}|${entry.target}|${entry.emoji}`] : [])));
  const bySpace = new Map<string, { author: string; entry: OutboxEntry }[]>();
  const today = Math.floor(now / DAY) * DAY;
  for (let d = DAYS - 1; d >= 0; d--) {
    const dayStart = today - d * DAY;
    const count = 6 + Math.floor(rand() * 11); // 6–16 people a day: most days clear the five-person rule
    const shuffled = [...people].sort(() => rand() - 0.5).slice(0, count);
    shuffled.forEach((author, i) => {
      const at = Math.min(now, dayStart + Math.floor(rand() * DAY));
      const candidates = posts.filter((p) => p.createdAt <= at);
      const target = candidates[Math.floor(rand() * candidates.length)];
      if (target === undefined || target.type !== 'post') return;
      const emoji = REACTIONS[Math.floor(rand() * REACTIONS.length)] as Reaction;
      const key = `${author}|${target.id}|${emoji}`;
      if (taken.has(key)) return;
      taken.add(key);
      const entry: OutboxEntry = { id: `${target.id}-d${d}-${i}`, type: 'reaction', space: target.space, target: target.id, emoji, createdAt: at, editedAt: null, retracted: false };
      bySpace.set(target.space, [...(bySpace.get(target.space) ?? []), { author, entry }]);
    });
  }
  const publications = new PublicationStore(ctx.db);
  for (const [space, items] of bySpace) {
    const room = roomName({ kind: 'space', space });
    await ctx.host.write(room, (doc) => {
      for (const { author, entry } of items) publishEntry(doc, { author, entry, version: 1, publishedAt: entry.createdAt });
    });
    await publications.transaction(async (tx) => {
      for (const { author, entry } of items) {
        await publications.in(tx).put({ entryId: entry.id, owner: author, fingerprint: fingerprint(entry), version: 1, outcome: 'published', targetRoom: room, publishedVersion: 1, entryType: entry.type, updatedAt: entry.createdAt });
      }
    });
  }
  // The course: its modules are its facilitators' posts, oldest first.
  // Its posts live in the space's time buckets (buckets.ts): read the space across all of them.
  const courseDoc = await ctx.host.open(roomName({ kind: 'space', space: COURSE }));
  const buckets = await Promise.all(readBucketIndex(courseDoc).map((b) => ctx.host.open(bucketRoomName(COURSE, b.key))));
  const course = readSpaceAcross(courseDoc, buckets);
  const meta = course.meta;
  if (meta === null) return;
  const modules = course.posts.filter((p) => isModule(meta, p)).sort((a, b) => a.createdAt - b.createdAt);
  const progress = new CourseProgressStore(ctx.db);
  for (const [person, done] of Object.entries(LEARNERS)) {
    for (const [i, module] of modules.slice(0, done).entries()) {
      await progress.put({ entryId: `${module.id}-done-${person}`, person, space: COURSE, module: module.id, done: true, at: module.createdAt + (i + 1) * DAY });
    }
  }
}
