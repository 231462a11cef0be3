// Held attachments and moderation: a post held because a file's name carries a confidential term
// keeps its file from readers, shows it to the moderator deciding the case (and nobody else), and
// once approved is published with the relay's facts of the file, readable by everyone in the space.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSpace, writePost, type ModerationCase } from '@hearth/core';
import { waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';
import { useModerationRelay } from './moderation-client.js';
import { sha256, uploadFile } from './upload-client.js';

describe('held attachments', () => {
  const suite = useModerationRelay();
  const { open, moderator } = suite;
  let relay: TestRelay;
  beforeAll(() => void (relay = suite.relay()));
  const get = async (person: string, hash: string) =>
    fetch(`${relay.url.replace('ws://', 'http://')}/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${await relay.mintToken(person)}` } });

  it('the moderator reads the held file, readers do not until it is approved, then do', async () => {
    const image = await sharp(randomBytes(32 * 32 * 3), { raw: { width: 32, height: 32, channels: 3 } }).png().toBuffer();
    const hash = sha256(image);
    const mona = await moderator('mona');
    const out = await open('alice', 'outbox/alice');
    const space = await open('bob', bucketNow('general'));
    // The client says it is a JPEG: the relay publishes what it found (a PNG).
    expect((await uploadFile(relay, 'alice', image, { name: 'Northwind-plan.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    const id = writePost(out.doc, { space: 'general', title: 'Plan', body: 'Attached.', attachments: [{ hash, name: 'Northwind-plan.png', mimeType: 'image/jpeg', bytes: 1 }] });
    const handle = await mona.waitForCase((c: ModerationCase) => c.item.entryId === id, 'held case');
    expect(handle.doc().item.attachments).toEqual([{ hash, name: 'Northwind-plan.png', mimeType: 'image/png', bytes: image.length }]);

    expect((await get('mona', hash)).status).toBe(200);
    expect((await get('bob', hash)).status).toBe(404);
    expect((await get('fay', hash)).status).toBe(404); // a facilitator of another space

    mona.decide(handle, 'approve', 'The client agreed to be named.');
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === id), 5000, 'published after approval');
    expect(readSpace(space.doc).posts.find((p) => p.id === id)?.attachments).toEqual([{ hash, name: 'Northwind-plan.png', mimeType: 'image/png', bytes: image.length }]);
    expect((await get('bob', hash)).status).toBe(200);
  });
});
