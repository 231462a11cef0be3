// What SCIM needs beyond the directory itself, kept in the relay's settings: the provider's
// externalId per person, the groups it pushed (Hearth has no group object of its own), how groups
// map to roles and spaces, and the hash of the bearer token. Why hashed: whoever reads a backup of
// the database must not be able to provision people.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@hearth/core';
import { z } from 'zod';

/** The async key-value store SCIM keeps its state in (the relay's settings table). */
export interface KeyValue {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export interface ScimGroup {
  id: string;
  displayName: string;
  externalId?: string;
  members: string[];
}

/** What a group stands for in Hearth: a role its members have, or a space they are members of. */
export type GroupMeaning = { role: Role } | { space: string } | null;

export const groupMapSchema = z.record(z.string(), z.union([z.object({ role: z.enum(ROLES) }), z.object({ space: z.string().min(1) })]));
export type GroupMap = z.infer<typeof groupMapSchema>;

const K = { token: 'scim.tokenHash', groups: 'scim.groups', externalIds: 'scim.externalIds', groupMap: 'scim.groupMap' } as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest();

export class ScimState {
  constructor(private readonly kv: KeyValue) {}

  /** A new bearer token; only its hash is kept, so the old one stops working at once. */
  async rotateToken(): Promise<string> {
    const token = `hscim_${randomBytes(32).toString('base64url')}`;
    await this.kv.set(K.token, sha256(token).toString('hex'));
    return token;
  }

  async tokenMatches(presented: string | null): Promise<boolean> {
    const stored = await this.kv.get(K.token);
    if (stored === null || presented === null) return false;
    return timingSafeEqual(Buffer.from(stored, 'hex'), sha256(presented));
  }

  async externalIds(): Promise<Record<string, string>> {
    return JSON.parse((await this.kv.get(K.externalIds)) ?? '{}') as Record<string, string>;
  }

  async setExternalId(personId: string, externalId: string | undefined): Promise<void> {
    const all = await this.externalIds();
    if (externalId === undefined || externalId === '') delete all[personId];
    else all[personId] = externalId;
    await this.kv.set(K.externalIds, JSON.stringify(all));
  }

  async groups(): Promise<ScimGroup[]> {
    return JSON.parse((await this.kv.get(K.groups)) ?? '[]') as ScimGroup[];
  }

  async saveGroups(groups: ScimGroup[]): Promise<void> {
    await this.kv.set(K.groups, JSON.stringify(groups));
  }

  async groupMap(): Promise<GroupMap> {
    const parsed = groupMapSchema.safeParse(JSON.parse((await this.kv.get(K.groupMap)) ?? '{}'));
    return parsed.success ? parsed.data : {};
  }

  async setGroupMap(map: GroupMap): Promise<void> {
    await this.kv.set(K.groupMap, JSON.stringify(map));
  }
}

/**
 * What a group means: the admin's map first (by display name, case-insensitive), then the naming
 * convention `hearth-role-<role>` / `hearth-space-<space id>`, else nothing (the group is kept and
 * listed, but changes nobody's access).
 */
export function meaningOf(displayName: string, map: GroupMap): GroupMeaning {
  const mapped = Object.entries(map).find(([name]) => name.toLowerCase() === displayName.toLowerCase())?.[1];
  if (mapped !== undefined) return mapped;
  const role = /^hearth-role-([a-z]+)$/i.exec(displayName)?.[1]?.toLowerCase();
  if (role !== undefined && (ROLES as readonly string[]).includes(role)) return { role: role as Role };
  const space = /^hearth-space-([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/i.exec(displayName)?.[1];
  if (space !== undefined) return { space };
  return null;
}
