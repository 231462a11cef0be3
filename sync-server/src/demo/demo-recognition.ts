// Demo recognition: kudos between Poll Limited's people (assets/demo/recognition.json), the consent
// of some to show kudos in spaces, General's leaderboard switched on, recognition off in Germany (its
// works council said no to ranking), and the badges the relay's own rules give for all the demo
// content. Kudos are published like any publication, with a publication record as if written by
// their giver; badges come from the same RecognitionDesk the publisher uses, never from the file.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  publishEntry,
  readDirectory,
  setKudosConsent,
  setLeaderboard,
  setRecognitionSettings,
  type KudosEntry,
  type OutboxEntry,
} from '@hearth/core';
import type { AdminContext } from '../admin/registry.js';
import { fingerprint } from '../publication/fingerprint.js';
import { PublicationStore } from '../publication/publication-store.js';
import { RECOGNITION_ROOM, RecognitionDesk } from '../recognition/recognition-desk.js';

const FILE = new URL('../../../assets/demo/recognition.json', import.meta.url);
const demoRecognition = z.object({
  consenting: z.array(z.string()),
  leaderboards: z.array(z.string()),
  offCountries: z.array(z.string()),
  kudos: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), message: z.string(), space: z.string().nullable(), createdAt: z.string().transform((t) => Date.parse(t)) })),
});

/** After the demo's posts are published: `published` are those items with their authors. */
export async function loadDemoRecognition(ctx: AdminContext, published: readonly { author: string; entry: OutboxEntry }[]): Promise<void> {
  const data = demoRecognition.parse(JSON.parse(await readFile(FILE, 'utf8')));
  const directory = new Map(readDirectory(await ctx.host.open('directory')).map((r) => [r.id, r]));
  const at = Date.parse('2026-11-01T09:00:00Z');
  await ctx.host.write(RECOGNITION_ROOM, (doc) => {
    setRecognitionSettings(doc, { enabled: true, offCountries: data.offCountries });
    data.consenting.forEach((person, i) => setKudosConsent(doc, person, { inSpaces: true, entry: `01M7C0NSENT${String(i).padStart(4, '0')}` }));
    for (const space of data.leaderboards) setLeaderboard(doc, space, { enabled: true, by: 'lucy', entry: '01M7LEADERB0ARD0', at });
  });
  const kudos: { author: string; entry: KudosEntry }[] = data.kudos.map((k) => ({
    author: k.from,
    entry: { id: k.id, type: 'kudos', to: k.to, message: k.message, space: k.space, createdAt: k.createdAt, editedAt: null, retracted: false },
  }));
  await ctx.host.write(RECOGNITION_ROOM, (doc) => {
    for (const { author, entry } of kudos) publishEntry(doc, { author, entry, version: 1, publishedAt: entry.createdAt });
  });
  const publications = new PublicationStore(ctx.db);
  await publications.transaction(async (tx) => {
    for (const { author, entry } of kudos) {
      await publications.in(tx).put({
        entryId: entry.id, owner: author, fingerprint: fingerprint(entry), version: 1, outcome: 'published',
        targetRoom: RECOGNITION_ROOM, publishedVersion: 1, entryType: 'kudos', updatedAt: entry.createdAt,
      });
    }
  });
  const desk = new RecognitionDesk(ctx.host, () => at);
  for (const { author, entry } of [...published, ...kudos]) await desk.afterPublication(author, entry, directory);
  for (const person of new Set(published.map((p) => p.author))) await desk.afterAcknowledgement(person, directory);
}
