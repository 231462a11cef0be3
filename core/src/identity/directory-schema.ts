// The schema of a directory record. Why a schema at all: directory records arrive from outside
// Hearth (a SCIM push from the identity provider, an import file, the relay's demo data) and every
// client renders names from them, so a record is checked at the boundary, once, and errors come
// back as data (one list per record) instead of an exception that would stop a whole import.
// The real-name rule (real-name.ts) is a second, separate check: this one is about shape.
import { z } from 'zod';
import { PERSON_STATUSES, ROLES } from './types.js';
import type { DirectoryRecord } from './types.js';

/** Person ids are what `<@id>` mentions carry (see MENTION_PATTERN): lowercase, readable. */
export const PERSON_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Ids a person may not have because mentions give them another meaning (mass mentions). */
export const RESERVED_PERSON_IDS: readonly string[] = ['all', 'here', 'everyone', 'channel'];

/** Longest name field accepted (Portuguese chains and Spanish double surnames fit easily). */
export const NAME_FIELD_MAX = 100;

const personId = z
  .string()
  .regex(PERSON_ID_PATTERN, 'must be 1–64 lowercase letters, digits, dots, dashes or underscores')
  .refine((s) => !RESERVED_PERSON_IDS.includes(s), 'is reserved for mass mentions');

// Names are trimmed and NFC-normalised so that "José" typed two ways is one name.
const nameField = z.string().trim().normalize('NFC').max(NAME_FIELD_MAX);
const label = z.string().trim().min(1).max(200);

export const directoryRecordSchema = z
  .object({
    id: personId,
    email: z.email().max(254),
    // Empty names pass the schema on purpose: checkRealName refuses them with a clearer reason.
    givenName: nameField,
    familyName: nameField,
    preferredGivenName: nameField
      .optional()
      .transform((s) => (s === undefined || s === '' ? undefined : s)),
    title: label,
    department: label,
    location: label,
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as GB'),
    manager: personId.nullable(),
    roles: z
      .array(z.enum(ROLES))
      .min(1)
      .refine((roles) => new Set(roles).size === roles.length, 'lists a role twice'),
    status: z.enum(PERSON_STATUSES),
  })
  .refine((r) => r.manager !== r.id, { message: 'a person cannot be their own manager', path: ['manager'] });

export interface SchemaIssue {
  /** Dotted path of the field, e.g. `roles.1`; `(record)` for the record as a whole. */
  path: string;
  message: string;
}

export type ParseDirectoryRecordResult =
  | { ok: true; record: DirectoryRecord }
  | { ok: false; errors: SchemaIssue[] };

/** Checks the shape of one record; never throws. The record returned has trimmed, NFC names. */
export function parseDirectoryRecord(input: unknown): ParseDirectoryRecordResult {
  const parsed = directoryRecordSchema.safeParse(input);
  if (parsed.success) return { ok: true, record: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(record)',
      message: issue.message,
    })),
  };
}

/** One line for people: `email: Invalid email address; roles.0: ...`. */
export function describeSchemaIssues(errors: readonly SchemaIssue[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
