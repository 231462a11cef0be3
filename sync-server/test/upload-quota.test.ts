// The per-person upload quota, from the attacker's side: one person sending file after file (each
// under the per-file limit) to fill the relay's disk is refused once over their day's quota, before a
// byte is sent and with nothing kept — and everyone else still uploads as before.
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin as admin, startTestRelay } from './helpers.js';
import type { TestRelay } from './helpers.js';
import { sha256, uploadFile } from './upload-client.js';

const QUOTA = 300_000;
/** A different 120 kB text file each time (plain text: its declared type is kept). */
const file = () => Buffer.from(randomBytes(60_000).toString('hex'));

describe('upload quota per person', () => {
  let relay: TestRelay;
  const meta = { name: 'notes.txt', type: 'text/plain', target: 'space/general' };
  const blobFiles = () => {
    const dir = join(relay.dataDir, 'blobs', 'blobs');
    return existsSync(dir) ? readdirSync(dir).flatMap((d) => readdirSync(join(dir, d))) : [];
  };
  const staging = () => (existsSync(join(relay.dataDir, 'uploads')) ? readdirSync(join(relay.dataDir, 'uploads')) : []);

  beforeAll(async () => {
    relay = await startTestRelay({ maxAttachmentBytes: 3 * 1024 * 1024, maxUploadBytesPerDay: QUOTA }, ['alice', 'bob', 'carol']);
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
  });
  afterAll(async () => {
    await relay.cleanup();
  });

  it('a person over their day quota is refused at creation with nothing stored; a file already held costs nothing; others still upload', async () => {
    const [one, two, three] = [file(), file(), file()];
    expect((await uploadFile(relay, 'bob', one, meta)).error).toBeNull();
    expect((await uploadFile(relay, 'bob', two, meta)).error).toBeNull();
    // The same file again is not counted twice (it takes no more disk).
    expect((await uploadFile(relay, 'bob', one, meta)).error).toBeNull();

    // 240 kB used: a third 120 kB file would pass 300 kB.
    const refused = await uploadFile(relay, 'bob', three, meta);
    expect(refused.error?.status).toBe(413);
    expect(refused.error?.body).toMatch(/per person a day/);
    expect(refused.url).toBeNull(); // refused at creation: no upload exists to send bytes to
    expect(blobFiles()).not.toContain(sha256(three));
    expect(staging()).toEqual([]);

    // Someone else is not slowed down by bob's quota.
    expect((await uploadFile(relay, 'alice', three, meta)).error).toBeNull();
    expect(blobFiles()).toContain(sha256(three));
    // Now that the relay holds it, bob sending it too costs no disk and is accepted.
    expect((await uploadFile(relay, 'bob', three, meta)).error).toBeNull();
    // …and did not count against him: a new file is still refused, alice's new file is not.
    expect((await uploadFile(relay, 'bob', file(), meta)).error?.status).toBe(413);
    expect((await uploadFile(relay, 'alice', file(), meta)).error).toBeNull();
    expect(staging()).toEqual([]);
  });
});
