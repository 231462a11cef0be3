// The directory record: the single source of identity. Names shown anywhere are computed from it
// (displayName); nobody types a display name.
import type { PersonId } from '../model/types.js';

/** `leader`: a company leader, marked as such wherever they appear and the only one who opens an "ask me anything". */
export const ROLES = ['employee', 'facilitator', 'moderator', 'comms', 'admin', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const PERSON_STATUSES = ['active', 'suspended', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export interface DirectoryRecord {
  id: PersonId;
  email: string;
  givenName: string;
  familyName: string;
  /** The given name the person goes by, if different ("Bob" for Robert). */
  preferredGivenName?: string | undefined;
  title: string;
  department: string;
  location: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  manager: PersonId | null;
  roles: Role[];
  status: PersonStatus;
}
