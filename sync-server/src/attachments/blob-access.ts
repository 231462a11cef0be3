// Who may attach a file where, and who may read a blob. Why reading goes through published items:
// a blob has no owner or room of its own (the same file may be attached in several places), so the
// only rule that cannot leak is the documents' own — whoever may open a room where a published item
// references the blob may read it. The uploader may also read their own upload (their other devices,
// before the item is published). Everyone else is told it does not exist (404), so hashes of files
// cannot be tested.
import { ITEM_MAPS, attachmentsOf, parseRoomName, type AttachmentRef } from '@hearth/core';
import type * as Y from 'yjs';
import { authorize } from '../auth/authorize.js';
import { casePermissions } from '../moderation/case-permissions.js';
import type { DocHost } from '../rooms/doc-host.js';
import type { BlobRecords } from './blob-records.js';

/**
 * May `person` upload a file for an item in `target` (`space/<id>` or `dm/<id>`)? They must be able
 * to read the room; a conversation that does not exist yet is one they are starting with this message.
 */
export async function mayAttach(host: DocHost, person: string, target: string): Promise<boolean> {
  const room = parseRoomName(target);
  if (room === null || (room.kind !== 'space' && room.kind !== 'dm')) return false;
  const access = await authorize(host, person, target);
  if (access.ok) return true;
  return room.kind === 'dm' && access.code === 4404 && !(await host.exists(target));
}

/** Whether the published item `item` in `doc`'s room is visible and references `hash`. */
export function itemReferences(doc: Y.Doc, item: string, hash: string): boolean {
  for (const map of ITEM_MAPS) {
    const value = doc.getMap<unknown>(map).get(item) as { state?: unknown; attachments?: AttachmentRef[] } | undefined;
    if (value === undefined || value === null || typeof value !== 'object') continue;
    if (value.state !== 'published') return false;
    return attachmentsOf(value).some((a) => a.hash === hash);
  }
  return false;
}

export async function mayRead(host: DocHost, records: BlobRecords, person: string, hash: string): Promise<boolean> {
  if (await records.uploadedBy(hash, person)) return true;
  for (const ref of await records.refs(hash)) {
    // A held item's files: for the moderators (and facilitators of its space) who decide its case.
    if (ref.room.startsWith('review:')) {
      const room = ref.room.slice('review:'.length);
      const space = room.startsWith('space/') ? room.slice('space/'.length) : null;
      if ((await casePermissions(host).mayAct(person, space)).ok) return true;
      continue;
    }
    if (!(await authorize(host, person, ref.room)).ok) continue;
    if (itemReferences(await host.open(ref.room), ref.item, hash)) return true;
  }
  return false;
}
