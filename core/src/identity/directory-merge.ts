// Applying an import to the directory that is already there. Why not a plain replace: the import
// file (or a SCIM bulk load) comes from HR's system, where one bad row is common; if the whole file
// replaced the directory, a person whose row failed the real-name rule would vanish — their posts
// orphaned, their connections refused — because of a typo. So a refused row leaves that person's
// existing record exactly as it was, people missing from the file are marked as having left (never
// deleted: their published content stays, under their name), and when a refused row had no
// readable id nobody is marked as left, since that row may have been anyone.
import type { DirectoryImport } from './import-directory.js';
import type { DirectoryRecord } from './types.js';

export interface DirectoryMerge {
  /** The whole directory after the import: every existing person is still in it. */
  records: DirectoryRecord[];
  /** Ids of accepted records that are new or changed. */
  changed: string[];
  /** Ids whose refused row left their existing record untouched. */
  kept: string[];
  /** Ids missing from the import, now marked 'left' (they were not 'left' before). */
  departed: string[];
  /** Why nobody was marked as left although people were missing, when that happened. */
  departuresSkipped: 'refused-row-without-id' | null;
}

export function mergeDirectoryImport(existing: readonly DirectoryRecord[], imported: DirectoryImport): DirectoryMerge {
  const byId = new Map(existing.map((r) => [r.id, r] as const));
  const mentioned = new Set<string>();
  const changed: string[] = [];
  for (const record of imported.accepted) {
    mentioned.add(record.id);
    const before = byId.get(record.id);
    if (before === undefined || JSON.stringify(before) !== JSON.stringify(record)) changed.push(record.id);
    byId.set(record.id, record);
  }
  const kept: string[] = [];
  for (const refusal of imported.refused) {
    if (refusal.id === undefined) continue;
    mentioned.add(refusal.id);
    if (byId.has(refusal.id) && !imported.accepted.some((r) => r.id === refusal.id)) kept.push(refusal.id);
  }
  const anonymousRefusal = imported.refused.some((r) => r.id === undefined);
  const departed: string[] = [];
  let departuresSkipped: DirectoryMerge['departuresSkipped'] = null;
  for (const [id, record] of byId) {
    if (mentioned.has(id) || record.status === 'left') continue;
    if (anonymousRefusal) {
      departuresSkipped = 'refused-row-without-id';
      continue;
    }
    byId.set(id, { ...record, status: 'left' });
    departed.push(id);
  }
  return { records: [...byId.values()], changed, kept, departed, departuresSkipped };
}
