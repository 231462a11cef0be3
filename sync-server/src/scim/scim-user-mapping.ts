// Between SCIM 2.0 users (RFC 7643 core + enterprise extension) and Hearth's directory records.
// Why a mapping of our own and not "store what the provider sends": the directory record is what
// every client renders names from, so a SCIM user becomes a candidate record that passes exactly
// the same schema and real-name check as an import row (core's importDirectory) before it touches
// the directory. Fields a provider commonly leaves out (title, department, location, country) keep
// the person's current value, or get a neutral placeholder for a new person, so a sparse but honest
// record is not refused for what the provider did not send.
import { displayName, type DirectoryRecord, type PersonStatus } from '@hearth/core';

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** What SCIMMY's User schema instance carries (the parts Hearth reads). */
export interface ScimUserIn {
  userName?: string;
  externalId?: string;
  name?: { givenName?: string; familyName?: string };
  nickName?: string;
  title?: string;
  active?: boolean;
  emails?: Array<{ value?: string; type?: string; primary?: boolean }>;
  addresses?: Array<{ type?: string; locality?: string; country?: string; primary?: boolean }>;
  locale?: string;
  [ENTERPRISE]?: { department?: string; manager?: { value?: string } | string };
}

export function toScimUser(record: DirectoryRecord, externalId: string | null): Record<string, unknown> {
  return {
    id: record.id,
    ...(externalId === null ? {} : { externalId }),
    userName: record.email,
    name: { givenName: record.givenName, familyName: record.familyName, formatted: displayName(record) },
    displayName: displayName(record),
    ...(record.preferredGivenName === undefined ? {} : { nickName: record.preferredGivenName }),
    title: record.title,
    active: record.status === 'active',
    emails: [{ value: record.email, type: 'work', primary: true }],
    addresses: [{ type: 'work', locality: record.location, country: record.country, primary: true }],
    [ENTERPRISE]: { department: record.department, ...(record.manager === null ? {} : { manager: { value: record.manager } }) },
  };
}

const pick = <T extends { primary?: boolean; type?: string }>(list: T[] | undefined): T | undefined =>
  list?.find((x) => x.primary === true) ?? list?.find((x) => x.type === 'work') ?? list?.[0];

/**
 * The directory record a SCIM user asks for, unchecked (importDirectory checks it). `active: false`
 * means the person left (never deleted); a suspension set by Hearth's admin survives a provider that
 * still says active.
 */
export function fromScimUser(user: ScimUserIn, id: string, existing: DirectoryRecord | null): unknown {
  const email = pick(user.emails)?.value ?? (user.userName?.includes('@') === true ? user.userName : existing?.email);
  const address = pick(user.addresses);
  const enterprise = user[ENTERPRISE];
  const manager = typeof enterprise?.manager === 'string' ? enterprise.manager : enterprise?.manager?.value;
  const localeRegion = /^[a-z]{2,3}[-_]([A-Z]{2})$/i.exec(user.locale ?? '')?.[1]?.toUpperCase();
  const status: PersonStatus = user.active === false ? 'left' : existing?.status === 'suspended' ? 'suspended' : 'active';
  return {
    id,
    email,
    givenName: user.name?.givenName ?? existing?.givenName ?? '',
    familyName: user.name?.familyName ?? existing?.familyName ?? '',
    ...(user.nickName ? { preferredGivenName: user.nickName } : existing?.preferredGivenName ? { preferredGivenName: existing.preferredGivenName } : {}),
    title: user.title ?? existing?.title ?? 'Employee',
    department: enterprise?.department ?? existing?.department ?? 'Not given',
    location: address?.locality ?? existing?.location ?? 'Not given',
    country: address?.country?.toUpperCase() ?? existing?.country ?? localeRegion ?? 'ZZ',
    manager: manager === undefined || manager === '' ? (existing?.manager ?? null) : manager,
    roles: existing?.roles ?? ['employee'],
    status,
  };
}

/**
 * A readable Hearth id for a new person, from the user name's local part ("Ana.Lima@poll.example" →
 * "ana.lima"), made unique with a number when taken. Person ids are what mentions carry.
 */
export function newPersonId(userName: string, taken: (id: string) => boolean): string {
  const local = (userName.split('@')[0] ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let base = local.replace(/[^a-z0-9._-]+/g, '.').replace(/^[^a-z0-9]+/, '').slice(0, 56) || 'person';
  if (['all', 'here', 'everyone', 'channel'].includes(base)) base = `${base}.person`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}
