// Uploading attachment files to a test relay with the stock tus client, as the app does.
import { createHash } from 'node:crypto';
import * as tus from 'tus-js-client';
import type { RunningRelay } from '../src/server/relay.js';

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface Sent {
  url: string | null;
  error: { status: number; body: string } | null;
}

/** Uploads `data` as `person`; resolves with the relay's refusal (status and sentence) instead of throwing. */
export async function uploadFile(
  relay: RunningRelay,
  person: string,
  data: Buffer,
  meta: { name: string; type: string; target: string; sha256?: string },
  options: Partial<tus.UploadOptions> = {},
): Promise<Sent> {
  const token = await relay.mintToken(person);
  return new Promise((resolve) => {
    const u: tus.Upload = new tus.Upload(data, {
      endpoint: `${relay.url.replace('ws://', 'http://')}/api/uploads`,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { sha256: meta.sha256 ?? sha256(data), name: meta.name, type: meta.type, target: meta.target },
      retryDelays: [],
      ...options,
      onSuccess: () => resolve({ url: u.url, error: null }),
      onError: (err) => {
        const res = (err as tus.DetailedError).originalResponse;
        resolve({ url: u.url, error: { status: res?.getStatus() ?? 0, body: res?.getBody() ?? String(err) } });
      },
    });
    u.start();
  });
}
