// Awareness is the one multi-writer channel; the relay keeps it honest about who is present.
// Rule: an awareness state is accepted only if it names the connection's person, in
// `state.user.id` (the field the app sets: `awareness.setLocalStateField('user', { id, ... })`) or
// in `state.person`. A null state (the client left) is accepted only for a client id this
// connection itself announced. Everything else is dropped silently, entry by entry.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** Decodes an awareness update; throws on malformed input. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
  for (const e of entries) JSON.parse(e.state); // must be JSON (null included)
  return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

export function statePerson(state: unknown): string | null {
  if (state === null || typeof state !== 'object') return null;
  const s = state as { user?: { id?: unknown }; person?: unknown };
  if (s.user !== null && typeof s.user === 'object' && typeof s.user.id === 'string') return s.user.id;
  if (typeof s.person === 'string') return s.person;
  return null;
}

/** Keeps the entries this connection may set; `controlled` = client ids it announced before. */
export function filterAwareness(entries: readonly AwarenessEntry[], personId: string, controlled: ReadonlySet<number>): AwarenessEntry[] {
  return entries.filter((e) => {
    const state: unknown = JSON.parse(e.state);
    if (state === null) return controlled.has(e.clientId);
    return statePerson(state) === personId;
  });
}
