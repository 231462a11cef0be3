// The direct conversations a person is in, kept in their inbox by the relay. Why: a dm room is
// readable only by its participants, and nothing else tells a recipient that a colleague started a
// conversation with them; the inbox is the one room the relay writes for that person alone.
import type * as Y from 'yjs';
import type { ConversationId, PersonId, Timestamp } from './types.js';
import type { WriteOutcome } from './relay-space-writes.js';
import { INBOX_CONVERSATIONS } from './doc-layout.js';
import { isValidId } from './room-names.js';

export interface ConversationRef {
  id: ConversationId;
  participants: PersonId[];
  createdAt: Timestamp;
}

/** Relay only. Idempotent: the same conversation twice changes nothing. */
export function addConversation(inbox: Y.Doc, ref: ConversationRef): WriteOutcome {
  const map = inbox.getMap<ConversationRef>(INBOX_CONVERSATIONS);
  if (map.has(ref.id)) return 'unchanged';
  map.set(ref.id, { id: ref.id, participants: [...ref.participants], createdAt: ref.createdAt });
  return 'applied';
}

/** The person's conversations, newest first. Tolerates junk values. */
export function readInboxConversations(inbox: Y.Doc): ConversationRef[] {
  const out: ConversationRef[] = [];
  for (const [id, v] of inbox.getMap<unknown>(INBOX_CONVERSATIONS)) {
    if (typeof v !== 'object' || v === null || !isValidId(id)) continue;
    const r = v as Partial<ConversationRef>;
    if (!Array.isArray(r.participants) || typeof r.createdAt !== 'number') continue;
    out.push({ id, participants: r.participants.filter((p): p is string => typeof p === 'string' && isValidId(p)), createdAt: r.createdAt });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
