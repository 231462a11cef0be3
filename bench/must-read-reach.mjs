// What one must-read acknowledgement costs the relay as the company grows: the engagement desk
// records the receipt, recounts the reach over the audience (the whole directory for a public space)
// and writes the counts into the inboxes of the author and the comms team. Prints p50/p99 per
// acknowledgement and the total, on SQLite, for a directory of --people and --acks acknowledgements.
// Recounts are gathered per announcement (REACH_SETTLE_MS), so they run in the background of the acks.
// (The desk alone: validation and the publisher's queue are measured by relay-publications.mjs.)
//
// Needs `npx tsc -b`. Usage: node bench/must-read-reach.mjs [--people 10000] [--acks 2000] [--comms 5]
import './lib/build.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { initSpace, publishEntry, putDirectoryRecords, readDirectory } = await import('@hearth/core');
const { startRelay } = await import('../sync-server/dist/server/relay.js');
const { EngagementDesk } = await import('../sync-server/dist/publication/engagement-desk.js');
const { createLogger } = await import('../sync-server/dist/log.js');

const { values } = parseArgs({ options: { people: { type: 'string', default: '10000' }, acks: { type: 'string', default: '2000' }, comms: { type: 'string', default: '5' } } });
const PEOPLE = Number(values.people);
const ACKS = Math.min(Number(values.acks), PEOPLE - 1);
const COMMS = Number(values.comms);
const person = (i) => ({
  id: `p${i}`,
  email: `p${i}@example.com`,
  givenName: 'Ana',
  familyName: 'Martin',
  title: 'Engineer',
  department: 'Engineering',
  location: 'London',
  country: 'GB',
  manager: null,
  roles: i < COMMS ? ['employee', 'comms'] : ['employee'],
  status: 'active',
});

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-reach-'));
const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, logger: createLogger('silent') });
try {
  await relay.host.write('directory', (doc) => putDirectoryRecords(doc, Array.from({ length: PEOPLE }, (_, i) => person(i))));
  const directory = new Map(readDirectory(await relay.host.open('directory')).map((r) => [r.id, r]));
  const post = '01JBENCHMUSTREAD0000000000';
  const now = Date.now();
  await relay.host.write('space/news', (doc) => {
    initSpace(doc, { id: 'news', name: 'News', description: '', kind: 'news', visibility: 'public', facilitators: [], retentionDays: null, createdAt: now });
    const entry = { id: post, type: 'post', space: 'news', kind: 'announcement', title: 'Read me', body: 'Please.', mustRead: true, createdAt: now, editedAt: null, retracted: false };
    publishEntry(doc, { author: 'p0', entry, version: 1, publishedAt: now });
  });
  const desk = new EngagementDesk({ host: relay.host, db: relay.storage.db, now: Date.now });
  const times = [];
  const started = performance.now();
  for (let i = 1; i <= ACKS; i++) {
    const entry = { id: `01JBENCHACK${String(i).padStart(15, '0')}`, type: 'read-ack', space: 'news', post, createdAt: now, editedAt: null, retracted: false };
    const t = performance.now();
    await desk.handle({ person: `p${i}`, entry, version: 1, directory });
    times.push(performance.now() - t);
  }
  await desk.flush(); // the last recount, so the total includes every reach write
  const total = (performance.now() - started) / 1000;
  const inbox = (await relay.host.open('inbox/p0')).getMap('reach').get(post);
  times.sort((a, b) => a - b);
  const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))].toFixed(2);
  console.log(`must-read reach: ${ACKS} acknowledgements, directory of ${PEOPLE}, ${COMMS} comms: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms per acknowledgement, ${total.toFixed(1)} s in all (${(ACKS / total).toFixed(0)}/s); reach ${inbox?.acknowledged}/${inbox?.audience}`);
} finally {
  await relay.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
