// The person's attachments: kept on the device first, uploaded with tus (resumable, with progress)
// when the relay is reachable, and read back — from the device when it has the file, otherwise from
// the relay (and kept). One instance per signed-in session (data/services.ts).
//
// Why upload after the entry is written: the entry references the file by hash, so it can be
// written offline at once; the relay publishes it only once the file has arrived, and other people
// never see a post with a missing picture. A file the relay refuses (its type, its size) is marked
// with the relay's reason, and the author sees it on the item.
import { safeFileName, type AttachmentRef } from '@hearth/core';
import * as tus from 'tus-js-client';
import { observable, type Observable } from '../data/observable.js';
import { httpBase } from '../sync/relay-url.js';
import { sha256Hex, type FileDb, type StoredFile } from './file-db.js';

export interface UploadProgress {
  state: 'waiting' | 'uploading' | 'done' | 'refused';
  sent: number;
  total: number;
  error: string | null;
}

export interface FileUploadsOptions {
  db: FileDb;
  relayUrl: string;
  /** The current token (it is renewed while the app runs). */
  token: () => string | null;
  online: () => boolean;
}

export class FileUploads {
  /** hash → progress of this device's uploads, for the progress bars. */
  readonly progress: Observable<ReadonlyMap<string, UploadProgress>> = observable(new Map());
  private running = false;
  private again = false;
  private readonly urls = new Map<string, Promise<string | null>>();
  private destroyed = false;

  constructor(private readonly o: FileUploadsOptions) {}

  private get base(): string {
    return httpBase(this.o.relayUrl);
  }

  private setProgress(hash: string, p: UploadProgress): void {
    this.progress.update((m) => new Map(m).set(hash, p));
  }

  /**
   * Keeps the files on this device and answers the references to put in the entry. `target` is
   * where the item goes; null for a conversation whose id is made with its first message (then
   * `assign` it): a file without a target waits.
   */
  async keep(files: readonly File[], target: string | null): Promise<AttachmentRef[]> {
    const refs: AttachmentRef[] = [];
    for (const file of files) {
      const hash = await sha256Hex(file);
      const ref = { hash, name: safeFileName(file.name), mimeType: file.type || 'application/octet-stream', bytes: file.size };
      const known = await this.o.db.files.get(hash);
      if (known?.origin !== 'mine' || known.upload === 'refused') {
        const record: StoredFile = { ...ref, blob: file, origin: 'mine', target, upload: 'waiting', error: null, addedAt: Date.now() };
        await this.o.db.files.put(record);
        this.setProgress(hash, { state: 'waiting', sent: 0, total: file.size, error: null });
      }
      // The same file attached again: uploaded once already (the relay keeps it per hash), or on its way.
      refs.push(ref);
    }
    void this.pump();
    return refs;
  }

  /** Sets where waiting files go (a new conversation's room), and uploads them. */
  async assign(refs: readonly AttachmentRef[], target: string): Promise<void> {
    for (const ref of refs) await this.o.db.files.where('hash').equals(ref.hash).and((f) => f.origin === 'mine' && f.target === null).modify({ target });
    void this.pump();
  }

  /** Uploads every waiting file, one at a time; called after keep(), when online, and at start. */
  async pump(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        if (!this.o.online() || this.o.token() === null) return;
        const waiting = (await this.o.db.files.where('upload').equals('waiting').toArray()).filter((f) => f.target !== null);
        for (const file of waiting) {
          if (this.destroyed || !this.o.online()) return;
          await this.send(file);
        }
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  private send(file: StoredFile): Promise<void> {
    return new Promise((resolve) => {
      const total = file.bytes;
      this.setProgress(file.hash, { state: 'uploading', sent: 0, total, error: null });
      const upload = new tus.Upload(file.blob, {
        endpoint: `${this.base}/api/uploads`,
        headers: { Authorization: `Bearer ${this.o.token() ?? ''}` },
        metadata: { sha256: file.hash, name: file.name, type: file.mimeType, target: file.target ?? '' },
        // Resumes an interrupted upload of the same file (tus-js-client keeps its URL in localStorage).
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        fingerprint: () => Promise.resolve(`hearth-${file.hash}`),
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 10000],
        onProgress: (sent) => this.setProgress(file.hash, { state: 'uploading', sent, total, error: null }),
        onSuccess: () => {
          void this.o.db.files.update(file.hash, { upload: 'done', error: null }).then(() => {
            this.setProgress(file.hash, { state: 'done', sent: total, total, error: null });
            resolve();
          });
        },
        onShouldRetry: (err) => {
          const status = (err as tus.DetailedError).originalResponse?.getStatus() ?? 0;
          return status === 0 || status >= 500 || status === 423 || status === 409;
        },
        onError: (err) => {
          const res = (err as tus.DetailedError).originalResponse;
          const status = res?.getStatus() ?? 0;
          if (status >= 400 && status < 500 && status !== 401) {
            // The relay's sentence says why (too large, a program, not allowed here): kept for the author.
            const reason = (res?.getBody() ?? '').trim() || `refused (${status})`;
            void this.o.db.files.update(file.hash, { upload: 'refused', error: reason });
            this.setProgress(file.hash, { state: 'refused', sent: 0, total, error: reason });
          } else {
            this.setProgress(file.hash, { state: 'waiting', sent: 0, total, error: null });
          }
          resolve();
        },
      });
      void upload.findPreviousUploads().then((previous) => {
        const last = previous[0];
        if (last !== undefined) upload.resumeFromPreviousUpload(last);
        upload.start();
      });
    });
  }

  /**
   * A URL the page can show: the device's copy when it has one, else the relay's (fetched with the
   * token and kept, so it opens offline next time; a thumbnail is not kept). Null when unavailable.
   */
  urlOf(ref: AttachmentRef, variant: 'full' | 'thumbnail' = 'full'): Promise<string | null> {
    const key = `${ref.hash}:${variant}`;
    let url = this.urls.get(key);
    if (url === undefined) {
      url = this.resolve(ref, variant).catch(() => null);
      this.urls.set(key, url);
      // A failure (offline) is not remembered: the next render tries again.
      void url.then((u) => {
        if (u === null) this.urls.delete(key);
      });
    }
    return url;
  }

  private async resolve(ref: AttachmentRef, variant: 'full' | 'thumbnail'): Promise<string | null> {
    const local = await this.o.db.files.get(ref.hash);
    if (local !== undefined) return URL.createObjectURL(local.blob);
    const token = this.o.token();
    if (token === null || !this.o.online()) return null;
    const res = await fetch(`${this.base}/api/blobs/${ref.hash}${variant === 'thumbnail' ? '/thumbnail' : ''}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) return null;
    const blob = await res.blob();
    if (variant === 'full') {
      await this.o.db.files.put({ ...ref, blob, origin: 'fetched', target: null, upload: null, error: null, addedAt: Date.now() });
    }
    return URL.createObjectURL(blob);
  }

  /** For <video>: streams from the relay with byte ranges (the token in the URL), or the device's copy. */
  async streamUrlOf(ref: AttachmentRef): Promise<string | null> {
    const local = await this.o.db.files.get(ref.hash);
    if (local !== undefined) return this.urlOf(ref);
    const token = this.o.token();
    return token === null ? null : `${this.base}/api/blobs/${ref.hash}?token=${encodeURIComponent(token)}`;
  }

  /** The file's bytes (for "open with the system's application"), from the device or the relay. */
  async bytesOf(ref: AttachmentRef): Promise<Blob | null> {
    const url = await this.urlOf(ref);
    if (url === null) return null;
    return (await this.o.db.files.get(ref.hash))?.blob ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    for (const url of this.urls.values()) void url.then((u) => u !== null && URL.revokeObjectURL(u));
    this.urls.clear();
  }
}
