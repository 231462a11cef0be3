// Relay writes to space, dm and catalogue documents outside publication: meta, members, the
// catalogue of spaces, the participants of a conversation. Why pure functions on a Y.Doc: the relay
// runs them inside its DocHost transaction (persist, then broadcast), and tests run them on a bare
// document. Only the relay calls these; clients only read the result.
import type * as Y from 'yjs';
import { CATALOGUE_SPACES, META, SPACE_MEMBERS } from './doc-layout.js';
import { idSet, replaceMapContents, setIfChanged } from './map-sync.js';
import type { ConversationId, PersonId, SpaceId, SpaceMeta, Timestamp } from './types.js';

export type WriteOutcome = 'applied' | 'unchanged';

function outcome(writes: number): WriteOutcome {
  return writes > 0 ? 'applied' : 'unchanged';
}

/**
 * Writes a space's meta, one key per SpaceMeta field in `Y.Map('meta')`. Also the way to update a
 * space's name, description, facilitators or retention later: only changed fields are written.
 */
export function initSpace(doc: Y.Doc, meta: SpaceMeta): WriteOutcome {
  let writes = 0;
  doc.transact(() => {
    const map = doc.getMap<unknown>(META);
    for (const [key, value] of Object.entries(meta)) if (setIfChanged(map, key, value)) writes++;
  });
  return outcome(writes);
}

/** Replaces the member list of a private or secret space (`Y.Map('members')`: personId → true). */
export function setSpaceMembers(doc: Y.Doc, members: PersonId[]): WriteOutcome {
  let writes = 0;
  doc.transact(() => {
    writes = replaceMapContents(doc.getMap<unknown>(SPACE_MEMBERS), idSet(members));
  });
  return outcome(writes);
}

/**
 * Adds or updates a space in the `spaces` catalogue. The relay never calls this for a secret space
 * (its existence is itself confidential); these functions do not decide that.
 */
export function putSpaceInCatalogue(spacesDoc: Y.Doc, meta: SpaceMeta): WriteOutcome {
  let writes = 0;
  spacesDoc.transact(() => {
    writes = setIfChanged(spacesDoc.getMap<unknown>(CATALOGUE_SPACES), meta.id, meta) ? 1 : 0;
  });
  return outcome(writes);
}

export function removeSpaceFromCatalogue(spacesDoc: Y.Doc, space: SpaceId): WriteOutcome {
  const map = spacesDoc.getMap<unknown>(CATALOGUE_SPACES);
  if (!map.has(space)) return 'unchanged';
  spacesDoc.transact(() => map.delete(space));
  return 'applied';
}

export type InitConversationResult = { ok: true; outcome: WriteOutcome } | { ok: false; error: 'different-conversation' };

/**
 * Writes a conversation's meta (`Y.Map('meta')`: id, participants, createdAt). Participants are
 * stored sorted and without duplicates. A document already holding another conversation is refused.
 */
export function initConversation(
  dmDoc: Y.Doc,
  c: { id: ConversationId; participants: PersonId[]; createdAt: Timestamp },
): InitConversationResult {
  const map = dmDoc.getMap<unknown>(META);
  const existing = map.get('id');
  if (existing !== undefined && existing !== c.id) return { ok: false, error: 'different-conversation' };
  let writes = 0;
  dmDoc.transact(() => {
    if (setIfChanged(map, 'id', c.id)) writes++;
    if (setIfChanged(map, 'participants', [...new Set(c.participants)].sort())) writes++;
    if (setIfChanged(map, 'createdAt', c.createdAt)) writes++;
  });
  return { ok: true, outcome: outcome(writes) };
}
