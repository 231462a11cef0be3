// The device side of attachments, without a relay: files are kept under their SHA-256 before
// anything is online, nothing is sent while offline, and a new conversation's files wait for their room.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FileDb, sha256Hex } from './file-db.js';
import { FileUploads } from './file-uploads.js';

let n = 0;
const offline = () => {
  const db = new FileDb(`files-test-${++n}`);
  return { db, files: new FileUploads({ db, relayUrl: 'ws://127.0.0.1:9', token: () => 't', online: () => false }) };
};
const file = (text: string, name: string, type = 'text/plain') => new File([text], name, { type });

describe('attachments on the device', () => {
  it('hashes a file like the relay does (SHA-256, lower-case hex)', async () => {
    expect(await sha256Hex(new Blob(['hello']))).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('keeps chosen files under their hash and answers the references for the entry, offline', async () => {
    const { db, files } = offline();
    const refs = await files.keep([file('minutes', 'C:\\fakepath\\minutes.txt'), file('', 'empty.csv', '')], 'space/general');
    expect(refs).toEqual([
      { hash: await sha256Hex(new Blob(['minutes'])), name: 'minutes.txt', mimeType: 'text/plain', bytes: 7 },
      { hash: await sha256Hex(new Blob([])), name: 'empty.csv', mimeType: 'application/octet-stream', bytes: 0 },
    ]);
    const kept = await db.files.get(refs[0]!.hash);
    expect(kept).toMatchObject({ origin: 'mine', upload: 'waiting', target: 'space/general' });
    expect(await kept!.blob.text()).toBe('minutes');
    // Offline: nothing is sent; the files wait.
    await files.pump();
    expect(files.progress.get().get(refs[0]!.hash)?.state).toBe('waiting');
  });

  it("a new conversation's files wait without a room until it is assigned", async () => {
    const { db, files } = offline();
    const [ref] = await files.keep([file('photo', 'team.txt')], null);
    expect((await db.files.get(ref!.hash))?.target).toBeNull();
    await files.assign([ref!], 'dm/01KB0000000000000000000000');
    expect((await db.files.get(ref!.hash))?.target).toBe('dm/01KB0000000000000000000000');
  });

  it('the same file attached twice is kept once and not shown as waiting again once uploaded', async () => {
    const { db, files } = offline();
    const [first] = await files.keep([file('same', 'a.txt')], 'space/general');
    await db.files.update(first!.hash, { upload: 'done' });
    files.progress.set(new Map());
    const [second] = await files.keep([file('same', 'b.txt')], 'space/general');
    expect(second!.hash).toBe(first!.hash);
    expect(await db.files.count()).toBe(1);
    expect(files.progress.get().get(first!.hash)).toBeUndefined();
  });
});
