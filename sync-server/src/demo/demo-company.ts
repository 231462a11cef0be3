// Demo mode: on the first start of an empty data directory, load the demo company "Poll Limited"
// from assets/demo (directory, policy, spaces with members, posts with comments and reactions).
// A data directory that already has a directory is left as it is, so restarting keeps what people
// wrote. Demo posts are published as the relay's own writes, like any publication, and each gets a
// publication record as if its author had written it: that record is what reports, moderation
// decisions and edit checks look an item up by, so seeded content is reportable like any other.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  applyAcceptAnswer,
  POST_KINDS,
  noteBucketItem,
  publicationRoom,
  publishInto,
  readDirectory,
  roomName,
  setMemberships,
  setSpaceMembers,
  VOTE_EMOJI,
  type BucketNote,
  type OutboxEntry,
  type Reaction,
} from '@hearth/core';
import { EngagementDesk } from '../publication/engagement-desk.js';
import type { AdminContext } from '../admin/registry.js';
import { MembershipStore } from '../admin/membership-store.js';
import { fingerprint } from '../publication/fingerprint.js';
import { PublicationStore } from '../publication/publication-store.js';
import { loadDemoFigures } from './demo-figures.js';
import { createSpaceOp, importDirectoryOp, setPolicyOp } from '../admin/operations.js';
import { loadDemoRecognition } from './demo-recognition.js';

const DEMO_DIR = new URL('../../../assets/demo/', import.meta.url);

const time = z.union([z.string(), z.number()]).transform((t) => (typeof t === 'number' ? t : Date.parse(t)));
const demoPosts = z.array(
  z.object({
    id: z.string(),
    space: z.string(),
    author: z.string(),
    kind: z.enum(POST_KINDS).default('discussion'),
    title: z.string().default(''),
    body: z.string(),
    createdAt: time,
    /** A must-read announcement. */
    mustRead: z.boolean().optional(),
    /** A question's accepted answer (a comment id), accepted by the asker. */
    accepted: z.string().optional(),
    comments: z
      .array(
        z.object({
          id: z.string(),
          author: z.string(),
          body: z.string(),
          createdAt: time,
          replyTo: z.string().nullish(),
          /** People who voted this AMA question up (a 👍 each). */
          votes: z.array(z.string()).default([]),
        }),
      )
      .default([]),
    /** When the relay published it (its time bucket); default: when the demo is loaded. */
    publishedAt: time.optional(),
    reactions: z.array(z.object({ author: z.string(), emoji: z.string() })).default([]),
  }),
);

async function json(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(name, DEMO_DIR), 'utf8')) as unknown;
}

async function must(what: string, result: Promise<{ ok: boolean; error?: string; details?: unknown }>): Promise<void> {
  const r = await result;
  if (!r.ok) throw new Error(`demo ${what}: ${r.error ?? 'failed'} ${JSON.stringify(r.details ?? '')}`);
}

/** Loads the demo company unless the data directory already has a directory. Returns whether it did. */
export async function loadDemoCompany(ctx: AdminContext): Promise<boolean> {
  if (await ctx.host.exists('directory')) return false;
  await must('directory', importDirectoryOp(ctx, { records: await json('directory.json') }));
  await must('policy', setPolicyOp(ctx, { source: await json('policy.json') }));
  const spaces = z.array(z.record(z.string(), z.unknown())).parse(await json('spaces.json'));
  for (const space of spaces) {
    await must(`space ${String(space.id)}`, createSpaceOp(ctx, space));
  }
  const publications = new PublicationStore(ctx.db);
  // People who posted or commented in a public space are its members, as if they had joined it: Home shows the
  // spaces one joined, and the demo company's people should find their own spaces there.
  const writers = new Map<string, Set<string>>();
  const published: { author: string; entry: OutboxEntry }[] = [];
  const mustRead: { space: string; post: string }[] = [];
  for (const post of demoPosts.parse(await json('posts.json'))) {
    const items: { author: string; entry: OutboxEntry }[] = [];
    const base = { editedAt: null, retracted: false };
    const must = post.mustRead === true ? { mustRead: true } : {};
    items.push({ author: post.author, entry: { ...base, id: post.id, type: 'post', space: post.space, kind: post.kind, title: post.title, body: post.body, createdAt: post.createdAt, ...must } });
    for (const c of post.comments) {
      items.push({ author: c.author, entry: { ...base, id: c.id, type: 'comment', space: post.space, post: post.id, replyTo: c.replyTo ?? null, body: c.body, createdAt: c.createdAt } });
      c.votes.forEach((voter, i) => {
        items.push({ author: voter, entry: { ...base, id: `${c.id}-v${i}`, type: 'reaction', space: post.space, target: c.id, emoji: VOTE_EMOJI as Reaction, createdAt: c.createdAt } });
      });
    }
    post.reactions.forEach((r, i) => {
      items.push({ author: r.author, entry: { ...base, id: `${post.id}-r${i}`, type: 'reaction', space: post.space, target: post.id, emoji: r.emoji as Reaction, createdAt: post.createdAt } });
    });
    published.push(...items);
    for (const { author, entry } of items) if (entry.type !== 'reaction') writers.set(post.space, (writers.get(post.space) ?? new Set()).add(author));
    // The post's time bucket, with its comments and reactions: the month the relay publishes it — now,
    // so a fresh demo shows every post among the recent months whatever today's date — unless the
    // demo data says it was published long ago (the old posts that show "Older posts" and relay search).
    const target = publicationRoom(items[0]!.entry, { at: post.publishedAt ?? Date.now() });
    if (target === null) continue;
    const room = roomName(target);
    const notes: BucketNote[] = [];
    await ctx.host.write(room, (doc) => {
      for (const { author, entry } of items) {
        const { note } = publishInto(doc, target, { author, entry, version: 1, publishedAt: entry.createdAt });
        if (note !== null) notes.push(note);
      }
    });
    // The space document: the bucket index, and a question's accepted answer (the answers map lives there).
    await ctx.host.write(roomName({ kind: 'space', space: post.space }), (doc) => {
      for (const note of notes) noteBucketItem(doc, note.bucket, note);
      if (post.accepted !== undefined) {
        const at = post.comments.find((c) => c.id === post.accepted)?.createdAt ?? post.createdAt;
        applyAcceptAnswer(doc, { entry: `${post.id}-accepted`, post: post.id, comment: post.accepted, by: post.author, at, retracted: false });
      }
    });
    if (post.mustRead === true) mustRead.push({ space: post.space, post: post.id });
    await publications.transaction(async (tx) => {
      for (const { author, entry } of items) {
        await publications.in(tx).put({
          entryId: entry.id,
          owner: author,
          fingerprint: fingerprint(entry),
          version: 1,
          outcome: 'published',
          targetRoom: room,
          publishedVersion: 1,
          entryType: entry.type,
          updatedAt: entry.createdAt,
        });
      }
    });
  }
  const memberships = new MembershipStore(ctx.db);
  const publicSpaces = new Set(spaces.filter((s) => s.visibility === 'public' || s.visibility === undefined).map((s) => String(s.id)));
  const joined = new Set<string>();
  for (const [space, people] of writers) {
    if (!publicSpaces.has(space)) continue;
    for (const person of people) if (await memberships.add(space, person)) joined.add(person);
    const members = await memberships.members(space);
    await ctx.host.write(roomName({ kind: 'space', space }), (doc) => setSpaceMembers(doc, members));
  }
  // Must-read announcements start with their reach (nobody has acknowledged yet) in their author's and comms' inboxes.
  const desk = new EngagementDesk({ host: ctx.host, db: ctx.db, now: Date.now });
  const directory = new Map(readDirectory(await ctx.host.open('directory')).map((r) => [r.id, r]));
  for (const { space, post } of mustRead) await desk.updateReach(space, post, directory);
  // One inbox write per person, not one per membership: the demo loads on the first start.
  for (const person of joined) {
    const spaces = await memberships.spacesOf(person);
    await ctx.host.write(roomName({ kind: 'inbox', person }), (doc) => setMemberships(doc, spaces));
  }
  await loadDemoRecognition(ctx, published);
  await loadDemoFigures(ctx, published);
  return true;
}
