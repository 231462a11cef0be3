// The files of a post, comment or message: pictures as thumbnails that open in a viewer, videos that
// play in place (streamed with byte ranges), other files as a button that opens them with the
// system's application (Electron) or downloads them (web). The author's own uploads show a progress
// bar, "waits to upload" while offline, or the relay's reason for refusing a file.
import { useEffect, useRef, useState } from 'react';
import { attachmentKind, type AttachmentRef } from '@hearth/core';
import { useAttachmentHost, useAttachmentUrl, useUploadProgress } from './attachments-context.js';
import { fileText } from './strings.js';

export function AttachmentList({ items }: { items: readonly AttachmentRef[] | undefined }) {
  if (items === undefined || items.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={fileText.list}>
      {items.map((a) => (
        <li key={a.hash} className={`attachment attachment-${attachmentKind(a.mimeType)}`}>
          <Attachment item={a} />
          <UploadState hash={a.hash} name={a.name} />
        </li>
      ))}
    </ul>
  );
}

function Attachment({ item }: { item: AttachmentRef }) {
  const kind = attachmentKind(item.mimeType);
  if (kind === 'image') return <Picture item={item} />;
  if (kind === 'video') return <Video item={item} />;
  return <FileButton item={item} />;
}

function Picture({ item }: { item: AttachmentRef }) {
  const thumb = useAttachmentUrl(item, 'thumbnail');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="attachment-picture" onClick={() => setOpen(true)} aria-label={fileText.open(item.name)}>
        {thumb !== null ? <img src={thumb} alt={item.name} loading="lazy" /> : <span className="attachment-missing">{item.name}</span>}
      </button>
      {open && <Viewer item={item} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The full picture over the page; Escape or the close button returns focus to the thumbnail. */
function Viewer({ item, onClose }: { item: AttachmentRef; onClose: () => void }) {
  const url = useAttachmentUrl(item, 'full');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="attachment-viewer" aria-label={fileText.viewer(item.name)} onClose={onClose} onCancel={onClose}>
      {url !== null ? <img src={url} alt={item.name} /> : <p>{fileText.notHere}</p>}
      <button type="button" className="button-quiet" onClick={onClose} autoFocus>
        {fileText.close}
      </button>
    </dialog>
  );
}

function Video({ item }: { item: AttachmentRef }) {
  const url = useAttachmentUrl(item, 'stream');
  if (url === null) return <span className="attachment-missing">{item.name}</span>;
  return <video src={url} controls preload="metadata" aria-label={item.name} />;
}

function FileButton({ item }: { item: AttachmentRef }) {
  const host = useAttachmentHost();
  return (
    <button type="button" className="attachment-file" disabled={host === null} onClick={() => void host?.open(item)} aria-label={fileText.open(item.name)}>
      <span className="attachment-name">{item.name}</span> <span className="attachment-size">{fileText.size(item.bytes)}</span>
    </button>
  );
}

function UploadState({ hash, name }: { hash: string; name: string }) {
  const p = useUploadProgress(hash);
  if (p === undefined || p.state === 'done') return null;
  if (p.state === 'refused') return <p className="attachment-refused" role="alert">{fileText.refused(p.error ?? '')}</p>;
  if (p.state === 'waiting') return <p className="attachment-waiting">{fileText.waiting}</p>;
  return <progress className="attachment-progress" max={p.total} value={p.sent} aria-label={fileText.uploading(name)} />;
}
