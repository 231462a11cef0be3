// Attachments through a real relay: files uploaded with the stock tus client (resumable), stored once
// per content hash, checked from their bytes (type, size, hash) with nothing kept of a refused file,
// published with the post that references them once they are here, and served — whole or by byte
// range — only to people who may read such a post. Attacker-side: a client that references a file
// it never had, or reads a blob it may not see.
import { readdirSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInbox, readSpace, writeAcknowledgement, writeMessage, writePost, type AttachmentRef } from '@hearth/core';
import { clientPool, runAdmin as admin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';
import { sha256, uploadFile } from './upload-client.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const MAX = 3 * 1024 * 1024;

async function png(seed: number, size = 64): Promise<Buffer> {
  // Random pixels: every image is a different file, and it does not compress (a real upload size).
  const raw = randomBytes(size * size * 3);
  raw[0] = seed % 256;
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
}

/** A Windows program's first bytes (the MZ header file-type recognises), renamed .png. */
const program = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f742062652072756e20696e20444f53206d6f64652e', 'hex'), Buffer.alloc(2048, 1)]);

describe('attachments', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const base = () => relay.url.replace('ws://', 'http://');

  const upload = (person: string, data: Buffer, meta: { name: string; type: string; target: string; sha256?: string }) => uploadFile(relay, person, data, meta);
  const get = async (person: string | null, hash: string, init: RequestInit = {}, suffix = '') =>
    fetch(`${base()}/api/blobs/${hash}${suffix}`, { ...init, headers: { ...(person === null ? {} : { Authorization: `Bearer ${await relay.mintToken(person)}` }), ...(init.headers as Record<string, string> | undefined) } });
  const blobFiles = () => {
    const dir = join(relay.dataDir, 'blobs', 'blobs');
    return existsSync(dir) ? readdirSync(dir).flatMap((d) => readdirSync(join(dir, d))) : [];
  };
  const staging = () => (existsSync(join(relay.dataDir, 'uploads')) ? readdirSync(join(relay.dataDir, 'uploads')) : []);
  const ref = (data: Buffer, name: string, mimeType: string): AttachmentRef => ({ hash: sha256(data), name, mimeType, bytes: data.length });

  beforeAll(async () => {
    relay = await startTestRelay({ maxAttachmentBytes: MAX }, ['alice', 'bob', 'carol']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'media-wing', name: 'Media wing', visibility: 'private', facilitators: ['bob'], members: ['alice'] });
    for (const p of ['alice', 'bob', 'carol']) writeAcknowledgement((await clients.open(p, `outbox/${p}`)).doc, { policyVersion: 3 });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('a post with an image written before the upload is published with it once the file arrives, and its readers get the bytes and a thumbnail', async () => {
    const image = await png(1, 600);
    const aliceOut = (await clients.open('alice', 'outbox/alice')).doc;
    const bobSpace = (await clients.open('bob', bucketNow('general'))).doc;
    const id = writePost(aliceOut, { space: 'general', title: 'Harbour', body: 'The view today', attachments: [ref(image, 'harbour.png', 'image/png')] });
    // Not before its file is on the relay: nobody would see the picture.
    await new Promise((r) => setTimeout(r, 300));
    expect(readSpace(bobSpace).posts.some((p) => p.id === id)).toBe(false);

    expect((await upload('alice', image, { name: 'harbour.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    await waitFor(() => readSpace(bobSpace).posts.some((p) => p.id === id), 5000, 'the post is published');
    expect(readSpace(bobSpace).posts.find((p) => p.id === id)?.attachments).toEqual([{ hash: sha256(image), name: 'harbour.png', mimeType: 'image/png', bytes: image.length }]);

    const res = await get('bob', sha256(image));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(image)).toBe(true);
    const thumb = await get('bob', sha256(image), {}, '/thumbnail');
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(480);
    expect(staging()).toEqual([]);

    // The journal records the file's hash with the publication.
    const rows = await relay.storage.db.selectFrom('audit_journal').select(['kind', 'details']).where('entry', '=', id).execute();
    expect(rows.some((r) => r.kind === 'publication' && (JSON.parse(r.details) as { attachments?: string[] }).attachments?.[0] === sha256(image))).toBe(true);
  });

  it('the same file uploaded twice, by two people, is stored once', async () => {
    const image = await png(2);
    const before = blobFiles().length;
    expect((await upload('alice', image, { name: 'a.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    expect((await upload('alice', image, { name: 'again.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    expect((await upload('bob', image, { name: 'b.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    expect(blobFiles().length).toBe(before + 1);
    expect(blobFiles()).toContain(sha256(image));
    expect(staging()).toEqual([]);
  });

  it('an interrupted upload resumes where it stopped', async () => {
    const data = await png(3, 700);
    const chunkSize = 64 * 1024;
    const token = await relay.mintToken('alice');
    const common = {
      endpoint: `${base()}/api/uploads`,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { sha256: sha256(data), name: 'big.png', type: 'image/png', target: 'space/general' },
      chunkSize,
      retryDelays: [],
    };
    // First attempt: stopped (the connection "drops") after a few chunks.
    const first = await new Promise<{ url: string; sent: number }>((resolve, reject) => {
      const u: tus.Upload = new tus.Upload(data, {
        ...common,
        onChunkComplete: (_size, accepted) => {
          if (accepted >= 4 * chunkSize) void u.abort().then(() => resolve({ url: u.url!, sent: accepted }));
        },
        onError: reject,
      });
      u.start();
    });
    expect(first.sent).toBeLessThan(data.length);
    const head = await fetch(first.url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${token}` } });
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBe(first.sent);
    // Someone else cannot resume (or even see) it.
    const stranger = await fetch(first.url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${await relay.mintToken('carol')}` } });
    expect(stranger.status).toBe(404);
    // Second attempt: continues from the relay's offset; only the rest is sent.
    let firstChunkStart = -1;
    await new Promise<void>((resolve, reject) => {
      const u = new tus.Upload(data, {
        ...common,
        uploadUrl: first.url,
        onProgress: (sent) => {
          if (firstChunkStart < 0) firstChunkStart = sent;
        },
        onSuccess: () => resolve(),
        onError: reject,
      });
      u.start();
    });
    expect(firstChunkStart).toBeGreaterThanOrEqual(offset);
    const res = await get('alice', sha256(data));
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it('refuses a file over the relay limit, a program renamed .png, a forbidden type and a wrong hash, keeping nothing', async () => {
    const before = blobFiles().length;
    const big = Buffer.alloc(MAX + 1, 7);
    const tooBig = await upload('alice', big, { name: 'huge.png', type: 'image/png', target: 'space/general' });
    expect(tooBig.error?.status).toBe(413);
    expect(tooBig.error?.body).toMatch(/larger than the relay accepts/);

    const renamed = await upload('alice', program, { name: 'cat.png', type: 'image/png', target: 'space/general' });
    expect(renamed.error?.status).toBe(415);
    expect(renamed.error?.body).toMatch(/program/);

    // The demo policy allows pictures, PDFs and Office documents: a ZIP is refused before it is sent.
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 3)]);
    const forbidden = await upload('alice', zip, { name: 'archive.zip', type: 'application/zip', target: 'space/general' });
    expect(forbidden.error?.status).toBe(415);
    expect(forbidden.error?.body).toMatch(/cannot be shared here/);
    // Declared as a picture, it is still a ZIP when its bytes are read.
    const disguised = await upload('alice', zip, { name: 'holiday.jpg', type: 'image/jpeg', target: 'space/general' });
    expect(disguised.error?.status).toBe(415);

    const image = await png(4);
    const wrongHash = await upload('alice', image, { name: 'x.png', type: 'image/png', target: 'space/general', sha256: 'b'.repeat(64) });
    expect(wrongHash.error?.status).toBe(422);

    expect(blobFiles().length).toBe(before);
    expect(staging()).toEqual([]);
    for (const data of [big, program, zip]) expect((await relay.storage.db.selectFrom('blobs').select('hash').where('hash', '=', sha256(data)).execute()).length).toBe(0);
  });

  it('refuses uploads without a valid token, and to a space the uploader cannot read', async () => {
    const image = await png(5);
    const res = await fetch(`${base()}/api/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' } });
    expect(res.status).toBe(401);
    const outsider = await upload('carol', image, { name: 'x.png', type: 'image/png', target: 'space/media-wing' });
    expect(outsider.error?.status).toBe(403);
    expect(staging()).toEqual([]);
  });

  it('serves a blob only to people who may read an item that references it (attacker: a non-member, a forged reference)', async () => {
    const secret = await png(6, 200);
    const aliceOut = (await clients.open('alice', 'outbox/alice')).doc;
    const bobWing = (await clients.open('bob', bucketNow('media-wing'))).doc;
    expect((await upload('alice', secret, { name: 'plan.png', type: 'image/png', target: 'space/media-wing' })).error).toBeNull();
    const id = writePost(aliceOut, { space: 'media-wing', body: 'Draft of the plan', attachments: [ref(secret, 'plan.png', 'image/png')] });
    await waitFor(() => readSpace(bobWing).posts.some((p) => p.id === id), 5000, 'published in media-wing');
    expect((await get('bob', sha256(secret))).status).toBe(200);
    // Carol is not a member: the blob does not exist for her, whole, by range or as a thumbnail.
    expect((await get('carol', sha256(secret))).status).toBe(404);
    expect((await get('carol', sha256(secret), { headers: { Range: 'bytes=0-9' } })).status).toBe(404);
    expect((await get('carol', sha256(secret), {}, '/thumbnail')).status).toBe(404);
    expect((await get(null, sha256(secret))).status).toBe(401);
    // Carol's modified client references the hash in a public post: never published, still 404.
    const carolOut = (await clients.open('carol', 'outbox/carol')).doc;
    const general = (await clients.open('carol', bucketNow('general'))).doc;
    const forged = writePost(carolOut, { space: 'general', body: 'look', attachments: [ref(secret, 'plan.png', 'image/png')] });
    const witness = writePost(carolOut, { space: 'general', body: 'a later post is published' });
    await waitFor(() => readSpace(general).posts.some((p) => p.id === witness), 5000, 'the later post');
    expect(readSpace(general).posts.some((p) => p.id === forged)).toBe(false);
    expect((await get('carol', sha256(secret))).status).toBe(404);
  });

  it('answers byte ranges (for video), and 416 for a range past the end', async () => {
    const image = await png(7, 300);
    const hash = sha256(image);
    expect((await upload('bob', image, { name: 'r.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    const part = await get('bob', hash, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${image.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(image.subarray(10, 20))).toBe(true);
    const tail = await get('bob', hash, { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(image.subarray(image.length - 5))).toBe(true);
    const open = await get('bob', hash, { headers: { Range: `bytes=${image.length - 3}-` } });
    expect(open.status).toBe(206);
    expect((await open.arrayBuffer()).byteLength).toBe(3);
    expect((await get('bob', hash, { headers: { Range: `bytes=${image.length}-` } })).status).toBe(416);
  });

  it('a file name with a confidential term holds the post like text; a message carries files to the other participant', async () => {
    const image = await png(8);
    const aliceOut = (await clients.open('alice', 'outbox/alice')).doc;
    const aliceInbox = (await clients.open('alice', 'inbox/alice')).doc;
    expect((await upload('alice', image, { name: 'Northwind-pricing.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    const held = writePost(aliceOut, { space: 'general', body: 'Prices', attachments: [ref(image, 'Northwind-pricing.png', 'image/png')] });
    await waitFor(() => readInbox(aliceInbox).statuses[held]?.state === 'held', 5000, 'held');
    expect((await get('bob', sha256(image))).status).toBe(404);

    const photo = await png(9);
    expect((await upload('alice', photo, { name: 'team.png', type: 'image/png', target: 'dm/01KAZZZZZZZZZZZZZZZZZZZZZZ' })).error).toBeNull();
    const { conversation } = writeMessage(aliceOut, { to: ['bob'], body: 'For you', attachments: [ref(photo, 'team.png', 'image/png')] });
    await waitFor(async () => (await get('bob', sha256(photo))).status === 200, 5000, 'bob reads the file of the message');
    expect((await get('carol', sha256(photo))).status).toBe(404);
    expect(conversation).toBeTruthy();
  });

  it('deletes a blob once no item references it (retracted), after the grace period, and journals its hash', async () => {
    const image = await png(10);
    const aliceOut = (await clients.open('alice', 'outbox/alice')).doc;
    const bobSpace = (await clients.open('bob', bucketNow('general'))).doc;
    expect((await upload('alice', image, { name: 'gone.png', type: 'image/png', target: 'space/general' })).error).toBeNull();
    const id = writePost(aliceOut, { space: 'general', body: 'Soon gone', attachments: [ref(image, 'gone.png', 'image/png')] });
    await waitFor(() => readSpace(bobSpace).posts.some((p) => p.id === id), 5000, 'published');
    expect(await relay.sweepBlobs()).not.toContain(sha256(image)); // within the grace period
    const { retractEntry } = await import('@hearth/core');
    retractEntry(aliceOut, id);
    await waitFor(() => !readSpace(bobSpace).posts.some((p) => p.id === id), 5000, 'withdrawn');
    await relay.storage.db.updateTable('blobs').set({ created_at: 0 }).where('hash', '=', sha256(image)).execute();
    expect(await relay.sweepBlobs()).toContain(sha256(image));
    expect(blobFiles()).not.toContain(sha256(image));
    expect((await get('alice', sha256(image))).status).toBe(404);
    const rows = await relay.storage.db.selectFrom('audit_journal').select('details').where('kind', '=', 'retention').execute();
    expect(rows.some((r) => r.details.includes(sha256(image)))).toBe(true);
  });
});
