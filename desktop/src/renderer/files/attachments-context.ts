// How attachment components reach the session's files (files/file-uploads.ts) without importing
// services: a context the signed-in app provides. Absent (component tests, a card shown before
// sign-in), attachments show by name only.
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { AttachmentRef } from '@hearth/core';
import type { FileUploads, UploadProgress } from './file-uploads.js';

export interface AttachmentHost {
  urlOf(ref: AttachmentRef, variant?: 'full' | 'thumbnail'): Promise<string | null>;
  streamUrlOf(ref: AttachmentRef): Promise<string | null>;
  /** Open a file with the system's application (Electron), or download it (web). */
  open(ref: AttachmentRef): Promise<void>;
  progress: FileUploads['progress'];
}

export const AttachmentContext = createContext<AttachmentHost | null>(null);

export function useAttachmentHost(): AttachmentHost | null {
  return useContext(AttachmentContext);
}

/** The URL of a file (or its thumbnail), once known; null while loading or when unavailable. */
export function useAttachmentUrl(ref: AttachmentRef, variant: 'full' | 'thumbnail' | 'stream'): string | null {
  const host = useAttachmentHost();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (host === null) return;
    const p = variant === 'stream' ? host.streamUrlOf(ref) : host.urlOf(ref, variant);
    void p.then((u) => {
      if (live) setUrl(u);
    });
    return () => {
      live = false;
    };
  }, [host, ref, variant]);
  return url;
}

const NO_PROGRESS = { subscribe: () => () => undefined, get: () => new Map<string, UploadProgress>() as ReadonlyMap<string, UploadProgress> };

/** This device's upload of `hash`, if it is uploading one. */
export function useUploadProgress(hash: string): UploadProgress | undefined {
  const host = useAttachmentHost();
  const store = host?.progress ?? NO_PROGRESS;
  return useSyncExternalStore(store.subscribe, store.get).get(hash);
}
