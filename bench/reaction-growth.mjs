// How much a public space document grows when one person reacts and withdraws the reaction over and
// over (each round a new reaction entry, then its withdrawal), as the relay publishes them. Before
// withdrawn reactions were collected each round left a whole 'retracted' record behind; now the
// key is deleted and only Yjs's trace of the deleted value stays. The reaction-rate rule bounds
// how many rounds one person gets in an hour.
//
// Run: npx tsc -b && node bench/reaction-growth.mjs   (imports @hearth/core from core/dist)
import * as Y from 'yjs';
import { initSpace, publishEntry } from '@hearth/core';

const T = Date.UTC(2026, 10, 25);
const ROUNDS = 300;
const doc = new Y.Doc();
initSpace(doc, { id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: T });
const post = { id: '01JPOST0000000000000000000', type: 'post', space: 'general', kind: 'discussion', title: 'Hello', body: 'A post to react to.', createdAt: T, editedAt: null, retracted: false };
publishEntry(doc, { author: 'alice', entry: post, version: 1, publishedAt: T });

const size = () => Y.encodeStateAsUpdate(doc).byteLength;
const start = size();
for (let i = 0; i < ROUNDS; i++) {
  const id = `01JREACT${String(i).padStart(18, '0')}`;
  const reaction = { id, type: 'reaction', space: 'general', target: post.id, emoji: '👍', createdAt: T + i, editedAt: null, retracted: false };
  publishEntry(doc, { author: 'mallory', entry: reaction, version: 1, publishedAt: T + i });
  publishEntry(doc, { author: 'mallory', entry: { ...reaction, retracted: true, editedAt: T + i }, version: 2, publishedAt: T + i });
}
const end = size();
console.log(`space document: ${start} bytes before, ${end} bytes after ${ROUNDS} react-and-withdraw rounds`);
console.log(`growth: ${((end - start) / ROUNDS).toFixed(1)} bytes per round`);
