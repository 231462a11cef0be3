// Who may open which room, decided once per connection before any document message is handled.
// Why the relay decides by room kind: every document has one writer, so access is a property of the
// room name plus a membership fact, never of individual updates.
//   outbox/<p>       p only, read-write (the one room a client writes)
//   inbox/<p>        p only, read-only
//   space/<s>        public: every active person; private/secret: members and facilitators
//   space/<s>/<yyyy-mm>  a time bucket of space s: exactly who may read space s (decided on s's
//                    document, so a removed member loses every bucket with the space); the bucket
//                    need not exist yet (the current month before its first post)
//   dm/<c>           participants
// Why a secret space and a conversation answer an outsider exactly as a room that does not exist
// (4404, same reason): outsiders are not meant to know they exist, and a different code would let
// anyone test ids. A private space is listed in the catalogue, so "not a member" (4403) tells nothing.
//   directory, policy, spaces, recognition   every active person, read-only
import { parseRoomName, roomName } from '@hearth/core';
import type { RoomName } from '@hearth/core';
import type * as Y from 'yjs';
import type { DocHost } from '../rooms/doc-host.js';
import { conversationParticipants, directoryPerson, spaceAccess } from './access-views.js';

export type Access = { ok: true; room: RoomName; mode: 'read-write' | 'read-only' } | { ok: false; code: 4403 | 4404; reason: string };

const NO_SUCH_SPACE = { ok: false, code: 4404, reason: 'no such space' } as const;
const NO_SUCH_CONVERSATION = { ok: false, code: 4404, reason: 'no such conversation' } as const;

export async function authorize(host: DocHost, personId: string, name: string): Promise<Access> {
  const person = directoryPerson(await host.open('directory'), personId);
  if (person === null) return { ok: false, code: 4403, reason: 'unknown person' };
  if (person.status !== 'active') return { ok: false, code: 4403, reason: 'person not active' };
  const room = parseRoomName(name);
  if (room === null) return { ok: false, code: 4404, reason: 'unknown room' };
  switch (room.kind) {
    case 'outbox':
      return room.person === personId ? { ok: true, room, mode: 'read-write' } : { ok: false, code: 4403, reason: 'not your outbox' };
    case 'inbox':
      return room.person === personId ? { ok: true, room, mode: 'read-only' } : { ok: false, code: 4403, reason: 'not your inbox' };
    case 'directory':
    case 'policy':
    case 'spaces':
    case 'recognition':
      return { ok: true, room, mode: 'read-only' };
    case 'space':
    case 'bucket': {
      const spaceRoom = roomName({ kind: 'space', space: room.space });
      if (!(await host.exists(spaceRoom))) return NO_SUCH_SPACE;
      const space = spaceAccess(await host.open(spaceRoom));
      if (!space.exists) return NO_SUCH_SPACE;
      if (space.visibility === 'public' || space.readers.has(personId)) return { ok: true, room, mode: 'read-only' };
      if (space.visibility === 'secret') return NO_SUCH_SPACE;
      return { ok: false, code: 4403, reason: 'not a member' };
    }
    case 'dm': {
      if (!(await host.exists(name))) return NO_SUCH_CONVERSATION;
      const participants = conversationParticipants(await host.open(name));
      return participants.has(personId) ? { ok: true, room, mode: 'read-only' } : NO_SUCH_CONVERSATION;
    }
  }
}

/**
 * After the relay changed `doc` (the directory, or the room itself): a check of whether a person
 * connected to `name` still may read it — null when they may, else the reason to close with 4403.
 * Built once per change and applied to every connection, so a big room costs one read of the doc.
 */
export function accessCheck(name: string, doc: Y.Doc): ((personId: string) => string | null) | null {
  if (name === 'directory') {
    return (personId) => (directoryPerson(doc, personId)?.status === 'active' ? null : 'person not active');
  }
  if (name.startsWith('space/')) {
    // A bucket's readers are its space's: they are checked when the space document changes (the gateway
    // applies a space's check to its buckets' connections too).
    if (parseRoomName(name)?.kind !== 'space') return null;
    const space = spaceAccess(doc);
    if (space.visibility === 'public') return null;
    return (personId) => (space.readers.has(personId) ? null : 'not a member');
  }
  if (name.startsWith('dm/')) {
    const participants = conversationParticipants(doc);
    return (personId) => (participants.has(personId) ? null : 'not a participant');
  }
  return null;
}
