// Attachment files on this device: one IndexedDB database per person, apart from the documents'
// (storage/db.ts), so its schema moves on its own. What the person attaches is kept here first, under
// its SHA-256, so a post with files is written offline and shows them at once; the upload queue
// (file-uploads.ts) sends them when the relay is reachable. Files of other people's items are kept
// here once fetched, so what was seen opens offline too.
import { Dexie, type Table } from 'dexie';

export interface StoredFile {
  hash: string;
  blob: Blob;
  name: string;
  mimeType: string;
  bytes: number;
  /** 'mine': attached on this device (to upload); 'fetched': a copy of a file read from the relay. */
  origin: 'mine' | 'fetched';
  /** Where the item goes (`space/<id>`, `dm/<id>`): the relay checks the uploader may attach there. */
  target: string | null;
  /** For 'mine': waiting to upload, uploaded, or refused by the relay (with its reason). */
  upload: 'waiting' | 'done' | 'refused' | null;
  error: string | null;
  addedAt: number;
}

export class FileDb extends Dexie {
  files!: Table<StoredFile, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'hash, upload' });
  }
}

export function fileDatabaseName(personId: string): string {
  return `hearth-files-${personId}`;
}

/** Lower-case hex SHA-256 of a file's bytes (Web Crypto: the same in the browser and Electron). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
