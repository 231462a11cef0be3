// Seeds the local database as if the relay had published a large space, for the benchmark: the
// space document (posts and comments written with core's publication function, as the relay
// would), and the catalogue listing it. Written straight into the `updates` table, then the page
// is reloaded and opens from local data.
import * as Y from 'yjs';
import { initSpace, publishEntry, putSpaceInCatalogue } from '@hearth/core';
import type { SpaceMeta } from '@hearth/core';
import { HearthDb, databaseName } from './storage/db.js';

const COMMON = 'project budget roadmap meeting design review customer launch quarter hiring office travel report safety training release feedback idea question answer update'.split(' ');
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'bri', 'den', 'sul', 'ma', 'ti', 'gor', 'pel', 'an', 'fi', 'rok'];

/** A vocabulary of ~4,000 made-up words plus common ones, so the index looks like real text. */
function word(n: number): string {
  if (n % 5 === 0) return COMMON[n % COMMON.length]!;
  const a = SYLLABLES[n % 16]!;
  const b = SYLLABLES[Math.floor(n / 16) % 16]!;
  const c = SYLLABLES[Math.floor(n / 256) % 16]!;
  return a + b + c;
}

function sentence(i: number, n: number): string {
  const out: string[] = [];
  // A skewed pick: low word numbers are frequent, high ones rare, as in natural text.
  for (let k = 0; k < n; k++) {
    const r = ((i + 1) * 2654435761 + k * 40503) % 4096;
    out.push(word(Math.floor((r * r) / 4096)));
  }
  return out.join(' ');
}

export async function seedSpace({ person, space, posts, comments }: { person: string; space: string; posts: number; comments: number }): Promise<void> {
  const meta: SpaceMeta = { id: space, name: `Bench ${space}`, description: 'Seeded for the benchmark', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 0 };
  const doc = new Y.Doc();
  initSpace(doc, meta);
  const t0 = Date.UTC(2026, 0, 1);
  const postIds: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < posts; i++) {
      const id = `${space}-p${String(i).padStart(6, '0')}`;
      postIds.push(id);
      const entry = { id, type: 'post' as const, space, kind: 'discussion' as const, title: `Post ${i}: ${sentence(i, 4)}`, body: `${sentence(i, 30)} number ${i}`, createdAt: t0 + i * 60_000, editedAt: null, retracted: false };
      publishEntry(doc, { author: person, entry, version: 1 });
    }
    for (let j = 0; j < comments; j++) {
      const post = postIds[j % postIds.length]!;
      const entry = { id: `${space}-c${String(j).padStart(7, '0')}`, type: 'comment' as const, space, post, replyTo: null, body: `${sentence(j + 3, 12)} comment ${j}`, createdAt: t0 + j * 1000, editedAt: null, retracted: false };
      publishEntry(doc, { author: person, entry, version: 1 });
    }
  });
  const catalogue = new Y.Doc();
  putSpaceInCatalogue(catalogue, meta);
  const db = new HearthDb(databaseName(person));
  await db.updates.bulkAdd([
    { room: `space/${space}`, update: Y.encodeStateAsUpdate(doc) },
    { room: 'spaces', update: Y.encodeStateAsUpdate(catalogue) },
  ]);
  db.close();
}
