// Awareness is the one multi-writer channel; the relay keeps it honest about who is present and
// keeps it small. Rules, entry by entry:
// - a state is accepted only if it names the connection's person in `state.user.id` (the field the
//   app sets with core's `presenceState`), and only its known presence fields are kept (core's
//   `sanitizePresence`: never a name — names come from the directory); a state longer than the limit
//   is dropped unread;
// - a null state (the client left) is accepted only for a client id this connection announced.
// Everything else is dropped silently. Counting client ids and room bytes is the budget's job
// (awareness-budget.ts).
import { sanitizePresence } from '@hearth/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON ('null' when the client left). */
  state: string;
}

export type DropReason = 'person' | 'size';

/** Decodes an awareness update; throws on malformed input (not JSON states included). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
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

/**
 * The entries this connection may set, with their states reduced to the known presence fields;
 * `controlled` = client ids it announced before. Dropped entries are reported to `dropped`.
 * Throws (malformed message) when a state of acceptable size is not JSON.
 */
export function filterAwareness(
  entries: readonly AwarenessEntry[],
  personId: string,
  controlled: ReadonlySet<number>,
  maxStateBytes: number,
  dropped: (reason: DropReason) => void = () => undefined,
): AwarenessEntry[] {
  const kept: AwarenessEntry[] = [];
  for (const e of entries) {
    // Cheap first: a UTF-16 length above the limit is above it in UTF-8 too.
    if (e.state.length > maxStateBytes || Buffer.byteLength(e.state) > maxStateBytes) {
      dropped('size');
      continue;
    }
    const raw: unknown = JSON.parse(e.state);
    if (raw === null) {
      if (controlled.has(e.clientId)) kept.push(e);
      else dropped('person');
      continue;
    }
    const state = sanitizePresence(raw);
    if (state === null || state.user.id !== personId) {
      dropped('person');
      continue;
    }
    kept.push({ ...e, state: JSON.stringify(state) });
  }
  return kept;
}
