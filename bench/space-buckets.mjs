// Size of a big space, one document vs time buckets: 10,000 posts and 50,000 comments published with
// core's own functions over three years (the relay's placement: a post in the month it is published,
// a comment beside its post). Prints the size of each layout's space document and what a new device
// downloads to open the space (cold open: the space document, plus the last RECENT_BUCKETS months
// when bucketed). Exits non-zero when a post or comment is missing from the bucketed layout.
//
// Run: npx tsc -b && node bench/space-buckets.mjs   (imports @hearth/core from core/dist)
import * as Y from 'yjs';
import {
  RECENT_BUCKETS,
  bucketRoomName,
  initSpace,
  noteBucketItem,
  publicationRoom,
  publishEntry,
  publishInto,
  readBucketIndex,
  recentBucketKeys,
  roomName,
} from '@hearth/core';

const POSTS = 10_000;
const COMMENTS_PER_POST = 5;
const MONTHS = 36;
const NOW = Date.UTC(2026, 10, 25);
const START = Date.UTC(2023, 11, 1);
const SPAN = NOW - START;
const words = 'the survey panel weighting quota sample team office lunch meeting report draft client project data analysis results question answer week plan'.split(' ');
let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const text = (n) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
const id = (prefix, n) => `${prefix}${String(n).padStart(25 - prefix.length, '0')}X`;
const people = Array.from({ length: 200 }, (_, i) => `person-${i}`);
const meta = { id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: START };

const single = new Y.Doc();
initSpace(single, meta);
const space = new Y.Doc();
initSpace(space, meta);
const buckets = new Map();
const records = new Map();
const bucketOf = (name) => buckets.get(name) ?? buckets.set(name, new Y.Doc()).get(name);

const started = performance.now();
for (let p = 0; p < POSTS; p++) {
  const at = START + Math.floor((p / POSTS) * SPAN);
  const post = { id: id('P', p), type: 'post', space: 'general', kind: 'discussion', title: text(6), body: text(55), createdAt: at, editedAt: null, retracted: false };
  const items = [{ author: people[p % people.length], entry: post, at }];
  for (let c = 0; c < COMMENTS_PER_POST; c++) {
    const cat = at + (c + 1) * 3_600_000;
    items.push({ author: people[(p + c + 1) % people.length], entry: { id: id('C', p * COMMENTS_PER_POST + c), type: 'comment', space: 'general', post: post.id, replyTo: null, body: text(30), createdAt: cat, editedAt: null, retracted: false }, at: cat });
  }
  for (const { author, entry, at: when } of items) {
    publishEntry(single, { author, entry, version: 1, publishedAt: when });
    const parent = entry.type === 'comment' ? records.get(entry.post) : null;
    const room = publicationRoom(entry, { at: when, parent });
    const name = roomName(room);
    const { note } = publishInto(bucketOf(name), room, { author, entry, version: 1, publishedAt: when });
    records.set(entry.id, name);
    if (note !== null) noteBucketItem(space, note.bucket, note);
  }
}
const buildMs = performance.now() - started;

const size = (doc) => Y.encodeStateAsUpdate(doc).byteLength;
const mb = (n) => `${(n / 1_000_000).toFixed(2)} MB`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const singleBytes = size(single);
const spaceBytes = size(space);
const bucketSizes = [...buckets.entries()].map(([name, doc]) => ({ name, bytes: size(doc), posts: doc.getMap('posts').size, comments: doc.getMap('comments').size }));
const recent = new Set(recentBucketKeys(NOW).map((k) => bucketRoomName('general', k)));
const coldBucketed = spaceBytes + bucketSizes.filter((b) => recent.has(b.name)).reduce((n, b) => n + b.bytes, 0);
const largest = bucketSizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const totalPosts = bucketSizes.reduce((n, b) => n + b.posts, 0);
const totalComments = bucketSizes.reduce((n, b) => n + b.comments, 0);
const indexed = readBucketIndex(space).reduce((n, b) => n + b.posts, 0);

console.log(`space of ${POSTS.toLocaleString('en')} posts and ${(POSTS * COMMENTS_PER_POST).toLocaleString('en')} comments over ${MONTHS} months (built in ${(buildMs / 1000).toFixed(1)} s)`);
console.log(`one document:  space document ${mb(singleBytes)}; cold open ${mb(singleBytes)}`);
console.log(`time buckets:  space document ${kb(spaceBytes)} (meta, members, index of ${buckets.size} buckets); cold open ${mb(coldBucketed)} (space document + last ${RECENT_BUCKETS} months)`);
console.log(`               buckets: ${buckets.size}, largest ${largest.name} ${kb(largest.bytes)}, all together ${mb(bucketSizes.reduce((n, b) => n + b.bytes, 0))}`);
console.log(`cold open: ${(singleBytes / coldBucketed).toFixed(1)}× fewer bytes with buckets`);
if (totalPosts !== POSTS || totalComments !== POSTS * COMMENTS_PER_POST || indexed !== POSTS) {
  console.error(`LOST ITEMS: ${totalPosts} posts, ${totalComments} comments in buckets, ${indexed} posts in the index`);
  process.exit(1);
}
