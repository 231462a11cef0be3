// The session's files as the attachment components see them: URLs, upload progress, and "open" —
// with the system's application through the preload bridge in Electron, as a download on the web.
import type { AttachmentRef } from '@hearth/core';
import { getBridge } from '../platform/bridge.js';
import type { AttachmentHost } from './attachments-context.js';
import type { FileUploads } from './file-uploads.js';

const hosts = new WeakMap<FileUploads, AttachmentHost>();

export function attachmentHost(files: FileUploads): AttachmentHost {
  let host = hosts.get(files);
  if (host === undefined) {
    host = {
      urlOf: (ref, variant) => files.urlOf(ref, variant),
      streamUrlOf: (ref) => files.streamUrlOf(ref),
      progress: files.progress,
      open: (ref) => openAttachment(files, ref),
    };
    hosts.set(files, host);
  }
  return host;
}

async function openAttachment(files: FileUploads, ref: AttachmentRef): Promise<void> {
  const blob = await files.bytesOf(ref);
  if (blob === null) return;
  // Electron: the system's application (main writes it to a temporary folder); web: a download.
  await getBridge().openFile({ name: ref.name, mimeType: ref.mimeType, bytes: new Uint8Array(await blob.arrayBuffer()) });
}
