// Finding the directory person an identity provider's token speaks of. Why an index: a token names a
// person by e-mail or user name, not by Hearth's id, and every connection is admitted through this;
// scanning thousands of directory records per connection would cost more than the signature check.
// The index is rebuilt on the first lookup after the directory document changed.
import { DIRECTORY_PEOPLE } from '@hearth/core';
import type * as Y from 'yjs';

interface Index {
  byEmail: Map<string, string>;
  byId: Set<string>;
}

const indexes = new WeakMap<Y.Doc, { index: Index | null }>();

function indexOf(directory: Y.Doc): Index {
  let entry = indexes.get(directory);
  if (entry === undefined) {
    const created: { index: Index | null } = { index: null };
    directory.on('update', () => (created.index = null));
    indexes.set(directory, created);
    entry = created;
  }
  if (entry.index === null) {
    const byEmail = new Map<string, string>();
    const byId = new Set<string>();
    for (const [id, record] of directory.getMap<unknown>(DIRECTORY_PEOPLE).entries()) {
      if (record === null || typeof record !== 'object') continue;
      const { id: recordId, email } = record as { id?: unknown; email?: unknown };
      if (recordId !== id) continue;
      byId.add(id);
      if (typeof email === 'string') byEmail.set(email.toLowerCase(), id);
    }
    entry.index = { byEmail, byId };
  }
  return entry.index;
}

/**
 * The person id a claim value stands for: an e-mail address (case-insensitive) matches the record's
 * e-mail, anything else must be the person's Hearth id. Null when nobody in the directory matches.
 */
export function personForClaim(directory: Y.Doc, value: string): string | null {
  const index = indexOf(directory);
  if (value.includes('@')) return index.byEmail.get(value.toLowerCase()) ?? null;
  return index.byId.has(value) ? value : null;
}
