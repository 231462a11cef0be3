// The few facts authorization reads from relay documents: a person's directory record, a space's
// meta and members, a conversation's participants. Why not readSpace / readDirectory whole: these
// run at every connection, and a full view parses every post or every person; here only the one
// record or the meta is read, with core's layout constants, so the two agree.
import { DIRECTORY_PEOPLE, META, SPACE_MEMBERS, SPACE_VISIBILITIES, readConversation } from '@hearth/core';
import type { PersonStatus, SpaceVisibility } from '@hearth/core';
import type * as Y from 'yjs';

/**
 * The person's id and status. Only these two fields are read: the record was checked against the
 * full schema at import, and a later, stricter schema must not lock people out of the relay.
 */
export function directoryPerson(directory: Y.Doc, personId: string): { id: string; status: PersonStatus } | null {
  const record = directory.getMap<unknown>(DIRECTORY_PEOPLE).get(personId);
  if (record === null || typeof record !== 'object') return null;
  const { id, status } = record as { id?: unknown; status?: unknown };
  if (id !== personId) return null;
  return { id, status: status === 'active' || status === 'suspended' ? status : 'left' };
}

/**
 * Whether the space was initialised (meta has its id), its visibility (an unknown value counts as
 * secret: fail closed) and who may read it when it is not public.
 */
export function spaceAccess(space: Y.Doc): { exists: boolean; visibility: SpaceVisibility; readers: Set<string> } {
  const meta = space.getMap<unknown>(META);
  const visibility = meta.get('visibility');
  const readers = new Set<string>();
  for (const [person, value] of space.getMap<unknown>(SPACE_MEMBERS).entries()) if (value === true) readers.add(person);
  // Facilitators run the space: they read it whether or not the member list names them.
  const facilitators = meta.get('facilitators');
  if (Array.isArray(facilitators)) for (const f of facilitators) if (typeof f === 'string') readers.add(f);
  return {
    exists: typeof meta.get('id') === 'string',
    visibility: (SPACE_VISIBILITIES as readonly unknown[]).includes(visibility) ? (visibility as SpaceVisibility) : 'secret',
    readers,
  };
}

export function conversationParticipants(dm: Y.Doc): Set<string> {
  return new Set(readConversation(dm).participants);
}
