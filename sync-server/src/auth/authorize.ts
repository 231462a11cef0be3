// Who may open which room, decided once per connection before any document message is handled.
// Why the relay decides by room kind: every document has one writer, so access is a property of the
// room name plus a membership fact, never of individual updates.
//   outbox/<p>       p only, read-write (the one room a client writes)
//   inbox/<p>        p only, read-only
//   space/<s>        public: every active person; private/secret: members and facilitators
//   dm/<c>           participants
//   directory, policy, spaces   every active person, read-only
import { parseRoomName } from '@hearth/core';
import type { RoomName } from '@hearth/core';
import type * as Y from 'yjs';
import type { DocHost } from '../rooms/doc-host.js';
import { conversationParticipants, directoryPerson, spaceAccess } from './access-views.js';

export type Access = { ok: true; room: RoomName; mode: 'read-write' | 'read-only' } | { ok: false; code: 4403 | 4404; reason: string };

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
      return { ok: true, room, mode: 'read-only' };
    case 'space': {
      if (!(await host.exists(name))) return { ok: false, code: 4404, reason: 'no such space' };
      const space = spaceAccess(await host.open(name));
      if (!space.exists) return { ok: false, code: 4404, reason: 'no such space' };
      if (space.visibility === 'public' || space.readers.has(personId)) return { ok: true, room, mode: 'read-only' };
      return { ok: false, code: 4403, reason: 'not a member' };
    }
    case 'dm': {
      if (!(await host.exists(name))) return { ok: false, code: 4404, reason: 'no such conversation' };
      const participants = conversationParticipants(await host.open(name));
      return participants.has(personId) ? { ok: true, room, mode: 'read-only' } : { ok: false, code: 4403, reason: 'not a participant' };
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
