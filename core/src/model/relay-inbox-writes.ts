// Relay writes to a person's inbox, the directory and the policy document. Why together: each is a
// small keyed store the relay alone fills from its own records (publication outcomes, the identity
// source, the policy file), always with minimal, idempotent writes so replays change nothing.
import type * as Y from 'yjs';
import type { DirectoryRecord } from '../identity/types.js';
import {
  DIRECTORY_PEOPLE,
  INBOX_JOIN_REQUESTS,
  INBOX_MEMBERSHIPS,
  INBOX_NOTICES,
  INBOX_STATUSES,
  POLICY_DOCUMENT_KEY,
  POLICY_ROOT,
} from './doc-layout.js';
import { idSet, replaceMapContents, setIfChanged } from './map-sync.js';
import type { WriteOutcome } from './relay-space-writes.js';
import type { EntryId, EntryStatus, JoinRequestView, Notice, SpaceId } from './types.js';

function inTransaction(doc: Y.Doc, write: () => number | boolean): WriteOutcome {
  let writes: number | boolean = 0;
  doc.transact(() => {
    writes = write();
  });
  return writes ? 'applied' : 'unchanged';
}

/**
 * Records where one of the person's entries stands (`Y.Map('statuses')`: entryId → EntryStatus).
 * A status about an older publication version than the stored one is ignored ('unchanged'), so a
 * replayed verdict never overwrites a newer one; the same version may change state (held → rejected).
 */
export function setEntryStatus(inbox: Y.Doc, status: EntryStatus): WriteOutcome {
  const statuses = inbox.getMap<unknown>(INBOX_STATUSES);
  const stored = statuses.get(status.entryId);
  const storedVersion = typeof stored === 'object' && stored !== null ? (stored as { version?: unknown }).version : undefined;
  if (typeof storedVersion === 'number' && storedVersion > status.version) return 'unchanged';
  return inTransaction(inbox, () => setIfChanged(statuses, status.entryId, status));
}

/**
 * Adds a notice (`Y.Map('notices')`: noticeId → Notice). Idempotent by notice id: a notice already
 * there is never rewritten, so the relay can derive ids from what caused them and replay freely.
 */
export function addNotice(inbox: Y.Doc, notice: Notice): WriteOutcome {
  const notices = inbox.getMap<unknown>(INBOX_NOTICES);
  if (notices.has(notice.id)) return 'unchanged';
  return inTransaction(inbox, () => {
    notices.set(notice.id, notice);
    return true;
  });
}

/**
 * Records where a join request stands (`Y.Map('joinRequests')`: request entryId → JoinRequestView),
 * in the requester's inbox and in each facilitator's. Writing the same value again changes nothing.
 */
export function setJoinRequest(inbox: Y.Doc, request: JoinRequestView): WriteOutcome {
  return inTransaction(inbox, () => setIfChanged(inbox.getMap<unknown>(INBOX_JOIN_REQUESTS), request.id, request));
}

/** Drops a join request from an inbox (a facilitator's, once it is withdrawn: nothing to decide). */
export function removeJoinRequest(inbox: Y.Doc, requestId: EntryId): WriteOutcome {
  const map = inbox.getMap<unknown>(INBOX_JOIN_REQUESTS);
  if (!map.has(requestId)) return 'unchanged';
  return inTransaction(inbox, () => {
    map.delete(requestId);
    return true;
  });
}

/**
 * Removes a notice (a join request that was withdrawn before anyone decided it: the facilitator has
 * nothing left to read about; a must-read notice once its announcement is acknowledged). Other
 * notices are never removed by the relay.
 */
export function removeNotice(inbox: Y.Doc, noticeId: string): WriteOutcome {
  const map = inbox.getMap<unknown>(INBOX_NOTICES);
  if (!map.has(noticeId)) return 'unchanged';
  return inTransaction(inbox, () => {
    map.delete(noticeId);
    return true;
  });
}

/** Replaces the spaces the person is a member of (`Y.Map('memberships')`): private, secret, and joined public ones. */
export function setMemberships(inbox: Y.Doc, spaceIds: SpaceId[]): WriteOutcome {
  return inTransaction(inbox, () => replaceMapContents(inbox.getMap<unknown>(INBOX_MEMBERSHIPS), idSet(spaceIds)));
}

/**
 * Replaces the whole directory (`Y.Map('people')`: personId → DirectoryRecord): records no longer
 * present are removed, changed ones rewritten, equal ones left untouched.
 */
export function putDirectoryRecords(directoryDoc: Y.Doc, records: DirectoryRecord[]): WriteOutcome {
  const desired = new Map(records.map((r) => [r.id, r] as const));
  return inTransaction(directoryDoc, () => replaceMapContents(directoryDoc.getMap<unknown>(DIRECTORY_PEOPLE), desired));
}

/**
 * Adds or rewrites one person's record (SCIM provisioning changes people one at a time; rewriting
 * the whole directory for each would cost thousands of comparisons per change).
 */
export function putDirectoryRecord(directoryDoc: Y.Doc, record: DirectoryRecord): WriteOutcome {
  return inTransaction(directoryDoc, () => setIfChanged(directoryDoc.getMap<unknown>(DIRECTORY_PEOPLE), record.id, record));
}

/**
 * Stores the distributed policy JSON under `Y.Map('policy')` key `document`, as one plain value so
 * a client always sees a whole policy, never a half-updated one. The policy module parses it.
 */
export function setPolicyDocument(policyDoc: Y.Doc, json: unknown): WriteOutcome {
  return inTransaction(policyDoc, () => setIfChanged(policyDoc.getMap<unknown>(POLICY_ROOT), POLICY_DOCUMENT_KEY, json));
}

/** The stored policy JSON, unparsed, or null when none has been published. */
export function readPolicyRaw(policyDoc: Y.Doc): unknown | null {
  const value = policyDoc.getMap<unknown>(POLICY_ROOT).get(POLICY_DOCUMENT_KEY);
  return value === undefined ? null : value;
}
