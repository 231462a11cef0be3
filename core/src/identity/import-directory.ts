// Importing a batch of directory records (the relay's `hearth-relay directory import FILE`, the
// demo company, a SCIM bulk load). Why per record: one bad row in a file of thousands must not
// stop the others, and the administrator needs to know exactly which row to fix and why, so each
// refused record comes back with its position, its id when it has one, and one reason.
import { describeSchemaIssues, parseDirectoryRecord } from './directory-schema.js';
import { checkRealName } from './real-name.js';
import type { RealNameRefusal } from './real-name.js';
import type { DirectoryRecord } from './types.js';

export type ImportRefusalReason = 'schema' | 'duplicate-id' | 'duplicate-email' | RealNameRefusal;

export interface ImportRefusal {
  /** Position of the record in the input array. */
  index: number;
  /** The record's id, when it had a readable one. */
  id?: string;
  reason: ImportRefusalReason;
  message: string;
}

export interface ImportWarning {
  index: number;
  id: string;
  reason: 'unknown-manager';
  message: string;
}

export interface DirectoryImport {
  accepted: DirectoryRecord[];
  refused: ImportRefusal[];
  /** Accepted records with a problem that does not stop them (a manager not in the batch). */
  warnings: ImportWarning[];
}

const readableId = (input: unknown): string | undefined => {
  if (typeof input !== 'object' || input === null) return undefined;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
};

/** Applies the schema and the real-name rule to each record; later duplicates are refused. */
export function importDirectory(records: readonly unknown[]): DirectoryImport {
  const result: DirectoryImport = { accepted: [], refused: [], warnings: [] };
  const ids = new Map<string, number>(); // id → index of the accepted record
  const emails = new Set<string>();
  records.forEach((input, index) => {
    const id = readableId(input);
    const refuse = (reason: ImportRefusalReason, message: string) =>
      result.refused.push(id === undefined ? { index, reason, message } : { index, id, reason, message });
    const parsed = parseDirectoryRecord(input);
    if (!parsed.ok) return refuse('schema', `Record ${index + 1}: ${describeSchemaIssues(parsed.errors)}`);
    const record = parsed.record;
    const name = checkRealName(record);
    if (!name.ok) return refuse(name.reason, `Record ${index + 1} (${record.id}): ${name.message}`);
    if (ids.has(record.id)) return refuse('duplicate-id', `Record ${index + 1}: the id "${record.id}" is already used.`);
    const email = record.email.toLowerCase();
    if (emails.has(email)) {
      return refuse('duplicate-email', `Record ${index + 1} (${record.id}): the e-mail ${record.email} is already used.`);
    }
    ids.set(record.id, index);
    emails.add(email);
    result.accepted.push(record);
  });
  result.accepted.forEach((record) => {
    if (record.manager !== null && !ids.has(record.manager)) {
      const index = ids.get(record.id) ?? -1;
      result.warnings.push({
        index,
        id: record.id,
        reason: 'unknown-manager',
        message: `Record ${index + 1} (${record.id}): the manager "${record.manager}" is not in the directory.`,
      });
    }
  });
  return result;
}
