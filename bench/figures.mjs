// GET /api/figures on a busy network: how long a report takes when it is computed from every space
// document, the journal and the course records, cold (documents loaded from storage) and warm
// (documents in memory), and the relay's RSS after. Each space gets posts, comments and reactions
// spread over the last 28 days, published with core's publishEntry as the relay's own writes, and a
// journal record per publication (as the publisher writes). SQLite, in this process.
// The machine's load average is printed: on a shared machine the figures are noisy.
//
// Needs `npx tsc -b`. Usage:
//   node bench/figures.mjs [--spaces 10] [--posts 300] [--comments 3] [--reactions 4] [--people 200] [--runs 5]
import './lib/build.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { putDirectoryRecords, publishEntry, REACTIONS } = await import('@hearth/core');
const { startRelay } = await import('../sync-server/dist/server/relay.js');
const { createLogger } = await import('../sync-server/dist/log.js');
const { adminOperations } = await import('../sync-server/dist/admin/index.js');
const { journalFor } = await import('../sync-server/dist/audit/journal.js');

const { values } = parseArgs({
  options: {
    spaces: { type: 'string', default: '10' },
    posts: { type: 'string', default: '300' },
    comments: { type: 'string', default: '3' },
    reactions: { type: 'string', default: '4' },
    people: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
  },
});
const [spaces, posts, comments, reactions, people, runs] = ['spaces', 'posts', 'comments', 'reactions', 'people', 'runs'].map((k) => Number(values[k]));
const DAY = 86_400_000;
const names = ['Martin', 'Okafor', 'Lindqvist', 'Moreau', 'Fernandes', 'Nakamura'];
const givens = ['Ana', 'Ben', 'Chloe', 'David', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const record = (id, i, roles = ['employee']) => ({
  id, email: `${id}@example.com`, givenName: givens[i % givens.length], familyName: names[i % names.length], title: 'Engineer',
  department: 'Engineering', location: 'London', country: 'GB', manager: null, roles, status: 'active',
});

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-figures-'));
const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, logger: createLogger('silent') });
try {
  const ids = Array.from({ length: people }, (_, i) => `p${i}`);
  await relay.host.write('directory', (doc) => putDirectoryRecords(doc, [...ids.map((id, i) => record(id, i)), record('comms', 0, ['employee', 'comms'])]));
  const now = Date.now();
  const journal = journalFor(relay.storage.db);
  let items = 0;
  const t0 = performance.now();
  for (let s = 0; s < spaces; s++) {
    const space = `space-${s}`;
    const r = await adminOperations['space-create']({ host: relay.host, db: relay.storage.db }, { id: space, name: `Space ${s}`, kind: s === 0 ? 'course' : 'discussion' });
    if (!r.ok) throw new Error(r.error);
    const events = [];
    await relay.host.write(`space/${space}`, (doc) => {
      for (let p = 0; p < posts; p++) {
        const at = now - Math.floor(((p + 0.5) / posts) * 28 * DAY);
        const author = ids[(p * 7 + s) % people];
        const post = { id: `s${s}p${p}`, type: 'post', space, kind: p % 5 === 0 ? 'question' : 'discussion', title: `Post ${p}`, body: 'Text of the post.', createdAt: at, editedAt: null, retracted: false };
        publishEntry(doc, { author, entry: post, version: 1, publishedAt: at });
        events.push({ author, entry: post.id, at, type: 'post' });
        for (let c = 0; c < comments; c++) {
          const who = ids[(p * 13 + c * 3 + s + 1) % people];
          const comment = { id: `${post.id}c${c}`, type: 'comment', space, post: post.id, replyTo: null, body: c === 0 ? 'Why?' : 'Agreed.', createdAt: at + (c + 1) * 3_600_000, editedAt: null, retracted: false };
          publishEntry(doc, { author: who, entry: comment, version: 1, publishedAt: comment.createdAt });
          events.push({ author: who, entry: comment.id, at: comment.createdAt, type: 'comment' });
        }
        for (let x = 0; x < reactions; x++) {
          const who = ids[(p * 17 + x * 5 + s + 2) % people];
          const reaction = { id: `${post.id}r${x}`, type: 'reaction', space, target: post.id, emoji: REACTIONS[x % REACTIONS.length], createdAt: at, editedAt: null, retracted: false };
          publishEntry(doc, { author: who, entry: reaction, version: 1, publishedAt: at + 60_000 });
          events.push({ author: who, entry: reaction.id, at: at + 60_000, type: 'reaction' });
        }
      }
    });
    await relay.storage.db.transaction().execute(async (tx) => {
      for (const e of events) await journal.record({ kind: 'publication', actor: e.author, person: e.author, space, entry: e.entry, at: e.at, details: { type: e.type, version: 1 } }, tx);
    });
    items += events.length;
  }
  console.log(`seeded ${spaces} spaces, ${items} items (posts ${spaces * posts}, comments ${spaces * posts * comments}, reactions ${spaces * posts * reactions}) and as many journal records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Cold: unload every room first by restarting the relay on the same data directory.
  await relay.stop();
  const cold = await startRelay({ port: 0, host: '127.0.0.1', dataDir, logger: createLogger('silent') });
  const coldToken = await cold.mintToken('comms');
  let t = performance.now();
  const first = await fetch(`http://127.0.0.1:${cold.port}/api/figures?days=28`, { headers: { authorization: `Bearer ${coldToken}` } });
  const firstBody = await first.text();
  console.log(`cold report (every space loaded from storage): ${(performance.now() - t).toFixed(0)} ms, ${firstBody.length} bytes`);
  const warm = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const res = await fetch(`http://127.0.0.1:${cold.port}/api/figures?days=28`, { headers: { authorization: `Bearer ${coldToken}` } });
    await res.text();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(`warm report: median ${warm[warm.length >> 1].toFixed(0)} ms, max ${warm.at(-1).toFixed(0)} ms over ${runs} runs`);
  console.log(`relay RSS after: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await cold.stop();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
