// An entry whose file the relay refused for good (a program renamed .png) ends rejected with the
// relay's reason in its author's inbox — it does not stay pending forever waiting for a file that will
// never be kept — and is never published.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInbox, readSpace, writeAcknowledgement, writePost } from '@hearth/core';
import { bucketNow, clientPool, runAdmin as admin, startTestRelay, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';
import { sha256, uploadFile } from './upload-client.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
/** A Windows program's first bytes (the MZ header file-type recognises), renamed .png. */
const program = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f742062652072756e20696e20444f53206d6f64652e', 'hex'), Buffer.alloc(2048, 7)]);

describe('an entry whose file the relay refused', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    for (const p of ['alice', 'bob']) writeAcknowledgement((await clients.open(p, `outbox/${p}`)).doc, { policyVersion: 3 });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('ends rejected with the reason, not pending forever, and is not published', async () => {
    const aliceOut = (await clients.open('alice', 'outbox/alice')).doc;
    const aliceInbox = (await clients.open('alice', 'inbox/alice')).doc;
    const bobSpace = (await clients.open('bob', bucketNow('general'))).doc;
    const id = writePost(aliceOut, { space: 'general', title: 'Cat', body: 'Look', attachments: [{ hash: sha256(program), name: 'cat.png', mimeType: 'image/png', bytes: program.length }] });

    const sent = await uploadFile(relay, 'alice', program, { name: 'cat.png', type: 'image/png', target: 'space/general' });
    expect(sent.error?.status).toBe(415);
    await waitFor(() => readInbox(aliceInbox).statuses[id]?.state === 'rejected', 5000, 'the entry is rejected');
    expect(readInbox(aliceInbox).statuses[id]?.findings[0]?.message).toMatch(/program/);
    expect(readSpace(bobSpace).posts.some((p) => p.id === id)).toBe(false);
  });
});
