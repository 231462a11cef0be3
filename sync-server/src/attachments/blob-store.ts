// Where attachment bytes live. Why an interface: the embedded relay keeps blobs in its data
// directory, and a company that runs several relay processes (PostgreSQL + Redis) needs one store
// they all share — an S3-compatible bucket implements the same five calls (HEAD, PUT from a file,
// PUT of a small object, GET with a byte range, DELETE). Keys are the relay's own
// (`blobs/<sha256>`, `thumbs/<sha256>.webp`), never a client's string.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile, link, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

export interface BlobStore {
  /** Size in bytes, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  /**
   * Moves a finished, verified file into the store under `key`; the file is consumed either way.
   * 'present' when the key already existed (the same bytes: keys are content hashes), so a second
   * upload of a file is stored once.
   */
  putFile(key: string, path: string): Promise<'stored' | 'present'>;
  /** A small derived object (a thumbnail), replaced whole. */
  putBytes(key: string, data: Uint8Array): Promise<void>;
  /** The object's bytes, or bytes start…end inclusive. */
  read(key: string, range?: { start: number; end: number }): Readable;
  delete(key: string): Promise<void>;
}

const KEY = /^(blobs|thumbs)\/[0-9a-f]{64}(\.webp)?$/;

/** Blobs as files under `<dataDir>/blobs`, fanned out by the first two hex digits. */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a blob key: ${key}`);
    const [kind, name] = key.split('/') as [string, string];
    return join(this.root, kind, name.slice(0, 2), name);
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.path(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async putFile(key: string, path: string): Promise<'stored' | 'present'> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    // link() fails when the target exists, so two uploads of the same file finishing together
    // cannot both "store" it, and a reader never sees a half-written blob (the file was complete
    // and verified before it came here). Same file system as the upload directory: both are in
    // the data directory.
    try {
      await link(path, target);
      return 'stored';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'present';
      if ((err as NodeJS.ErrnoException).code === 'EXDEV') {
        await rename(path, target);
        return 'stored';
      }
      throw err;
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  async putBytes(key: string, data: Uint8Array): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, data);
    await rename(temp, target);
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.path(key), range === undefined ? {} : { start: range.start, end: range.end });
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
