// SCIM 2.0 provisioning (RFC 7644) on the relay: Users and Groups as the identity provider pushes
// them, through SCIMMY (parsing, filters, PATCH, list responses, discovery documents) with Hearth's
// own handlers. Rules: every user passes core's directory schema and real-name check before it
// touches the directory, and a refused one answers with a SCIM error naming the reason while the
// person's existing record stays exactly as it was; nobody is ever deleted (DELETE and
// `active: false` mark the person as having left, their published content stays under their name);
// groups give roles and space memberships (scim-state.ts says how). Every change is journalled.
// Why one queue (ScimContext.queue, used by the route): SCIM clients send many requests at once, and
// each change reads and rewrites the directory and the group list — a PATCH is a read, the patch and
// a write — so changing requests run one at a time and none is computed from a stale read.
import {
  displayName,
  importDirectory,
  putDirectoryRecord,
  readDirectory,
  type DirectoryRecord,
  type Role,
} from '@hearth/core';
import SCIMMY from 'scimmy';
import { addMember, removeMemberOp } from '../admin/operations.js';
import type { AdminContext } from '../admin/registry.js';
import { journalFor } from '../audit/journal.js';
import type { SerialQueue } from '../rooms/serial-queue.js';
import { fromScimUser, newPersonId, toScimUser, type ScimUserIn } from './scim-user-mapping.js';
import { meaningOf, type ScimGroup, type ScimState } from './scim-state.js';

export interface ScimContext {
  admin: AdminContext;
  state: ScimState;
  /** Every changing request runs in this queue, read and write together (scim-route.ts). */
  queue: SerialQueue;
}

const ScimError = SCIMMY.Types.Error;
type UserResource = InstanceType<typeof SCIMMY.Resources.User>;
type GroupResource = InstanceType<typeof SCIMMY.Resources.Group>;

async function directory(ctx: ScimContext): Promise<DirectoryRecord[]> {
  return readDirectory(await ctx.admin.host.open('directory'));
}

async function putPerson(ctx: ScimContext, record: DirectoryRecord): Promise<void> {
  await ctx.admin.host.write('directory', (doc) => putDirectoryRecord(doc, record));
}

async function journal(ctx: ScimContext, person: string, details: Record<string, unknown>): Promise<void> {
  await journalFor(ctx.admin.db).record({ kind: 'directory-change', actor: 'scim', person, details });
}

// ---- Users -------------------------------------------------------------------------------------

async function userIngress(resource: UserResource, instance: ScimUserIn, ctx: ScimContext): Promise<Record<string, unknown>> {
  const people = await directory(ctx);
  const existing = resource.id === undefined ? null : (people.find((p) => p.id === resource.id) ?? null);
  if (resource.id !== undefined && existing === null) throw new ScimError(404, null as never, `Resource ${resource.id} not found`);
  const id = existing?.id ?? newPersonId(instance.userName ?? '', (candidate) => people.some((p) => p.id === candidate));
  const checked = importDirectory([fromScimUser(instance, id, existing)]);
  const refusal = checked.refused[0];
  if (refusal !== undefined || checked.accepted[0] === undefined) {
    throw new ScimError(400, 'invalidValue', `Refused (${refusal?.reason ?? 'schema'}): ${refusal?.message ?? 'not a valid directory record'}`);
  }
  const record = checked.accepted[0];
  const clash = people.find((p) => p.id !== id && p.email.toLowerCase() === record.email.toLowerCase());
  if (clash !== undefined) throw new ScimError(409, 'uniqueness', `The e-mail ${record.email} belongs to another person (${clash.id}).`);
  await putPerson(ctx, record);
  await ctx.state.setExternalId(id, instance.externalId ?? (await ctx.state.externalIds())[id]);
  if (existing === null || JSON.stringify(existing) !== JSON.stringify(record)) {
    await journal(ctx, id, { operation: existing === null ? 'create' : 'update', status: record.status, ...(existing !== null && existing.status !== record.status ? { previousStatus: existing.status } : {}) });
  }
  return toScimUser(record, (await ctx.state.externalIds())[id] ?? null);
}

async function userEgress(resource: UserResource, ctx: ScimContext): Promise<Record<string, unknown> | Array<Record<string, unknown>>> {
  const people = await directory(ctx);
  const externalIds = await ctx.state.externalIds();
  if (resource.id !== undefined) {
    const person = people.find((p) => p.id === resource.id);
    if (person === undefined) throw new ScimError(404, null as never, `Resource ${resource.id} not found`);
    return toScimUser(person, externalIds[person.id] ?? null);
  }
  const all = people.map((p) => toScimUser(p, externalIds[p.id] ?? null));
  return resource.filter === undefined ? all : (resource.filter.match(all) as Array<Record<string, unknown>>);
}

async function userDegress(resource: UserResource, ctx: ScimContext): Promise<void> {
  const person = (await directory(ctx)).find((p) => p.id === resource.id);
  if (person === undefined) throw new ScimError(404, null as never, `Resource ${resource.id} not found`);
  if (person.status === 'left') return;
  await putPerson(ctx, { ...person, status: 'left' });
  await journal(ctx, person.id, { operation: 'delete', status: 'left', previousStatus: person.status });
}

// ---- Groups ------------------------------------------------------------------------------------

interface GroupIn {
  displayName?: string;
  externalId?: string;
  members?: Array<{ value?: string }>;
}

function groupOut(group: ScimGroup, people: readonly DirectoryRecord[]): Record<string, unknown> {
  return {
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId === undefined ? {} : { externalId: group.externalId }),
    members: group.members.map((value) => {
      const p = people.find((x) => x.id === value);
      return { value, ...(p === undefined ? {} : { display: displayName(p) }) };
    }),
  };
}

async function groupIngress(resource: GroupResource, instance: GroupIn, ctx: ScimContext): Promise<Record<string, unknown>> {
  const before = await ctx.state.groups();
  const people = await directory(ctx);
  const current = resource.id === undefined ? undefined : before.find((g) => g.id === resource.id);
  if (resource.id !== undefined && current === undefined) throw new ScimError(404, null as never, `Resource ${resource.id} not found`);
  const members = [...new Set((instance.members ?? []).map((m) => m.value ?? ''))];
  const unknown = members.filter((m) => !people.some((p) => p.id === m));
  if (unknown.length > 0) throw new ScimError(400, 'invalidValue', `Unknown members: ${unknown.join(', ')} (provision the users first).`);
  const name = instance.displayName ?? current?.displayName ?? '';
  if (name === '') throw new ScimError(400, 'invalidValue', 'A group needs a displayName.');
  if (before.some((g) => g.id !== current?.id && g.displayName.toLowerCase() === name.toLowerCase())) {
    throw new ScimError(409, 'uniqueness', `A group named ${name} exists already.`);
  }
  const group: ScimGroup = {
    id: current?.id ?? crypto.randomUUID(),
    displayName: name,
    ...((instance.externalId ?? current?.externalId) === undefined ? {} : { externalId: instance.externalId ?? current?.externalId }),
    members,
  };
  const after = current === undefined ? [...before, group] : before.map((g) => (g.id === group.id ? group : g));
  await ctx.state.saveGroups(after);
  await applyGroups(ctx, before, after);
  return groupOut(group, await directory(ctx));
}

async function groupEgress(resource: GroupResource, ctx: ScimContext): Promise<Record<string, unknown> | Array<Record<string, unknown>>> {
  const people = await directory(ctx);
  const groups = await ctx.state.groups();
  if (resource.id !== undefined) {
    const group = groups.find((g) => g.id === resource.id);
    if (group === undefined) throw new ScimError(404, null as never, `Resource ${resource.id} not found`);
    return groupOut(group, people);
  }
  const all = groups.map((g) => groupOut(g, people));
  return resource.filter === undefined ? all : (resource.filter.match(all) as Array<Record<string, unknown>>);
}

async function groupDegress(resource: GroupResource, ctx: ScimContext): Promise<void> {
  const before = await ctx.state.groups();
  if (!before.some((g) => g.id === resource.id)) throw new ScimError(404, null as never, `Resource ${resource.id} not found`);
  const after = before.filter((g) => g.id !== resource.id);
  await ctx.state.saveGroups(after);
  await applyGroups(ctx, before, after);
}

/**
 * Carries a change of groups over to roles and memberships. Roles that some group grants are
 * managed by groups: a person has such a role exactly when a group that grants it lists them;
 * roles no group grants (set by an import or the demo) are left alone.
 */
async function applyGroups(ctx: ScimContext, before: ScimGroup[], after: ScimGroup[]): Promise<void> {
  const map = await ctx.state.groupMap();
  const meaning = (g: ScimGroup) => meaningOf(g.displayName, map);
  const managed = new Set<Role>();
  for (const g of [...before, ...after]) {
    const m = meaning(g);
    if (m !== null && 'role' in m) managed.add(m.role);
  }
  const affected = new Set([...before, ...after].flatMap((g) => g.members));
  for (const person of await directory(ctx)) {
    if (!affected.has(person.id)) continue;
    const granted = after.flatMap((g) => {
      const m = meaning(g);
      return m !== null && 'role' in m && g.members.includes(person.id) ? [m.role] : [];
    });
    const roles = [...new Set([...person.roles.filter((r) => !managed.has(r)), ...granted])];
    if (roles.length === 0) roles.push('employee');
    if (JSON.stringify([...roles].sort()) !== JSON.stringify([...person.roles].sort())) {
      await putPerson(ctx, { ...person, roles });
      await journal(ctx, person.id, { operation: 'roles', roles, previousRoles: person.roles });
    }
  }
  const spaceMembers = (groups: ScimGroup[]) => {
    const out = new Map<string, Set<string>>();
    for (const g of groups) {
      const m = meaning(g);
      if (m === null || !('space' in m)) continue;
      const set = out.get(m.space) ?? new Set<string>();
      for (const p of g.members) set.add(p);
      out.set(m.space, set);
    }
    return out;
  };
  const was = spaceMembers(before);
  const now = spaceMembers(after);
  for (const space of new Set([...was.keys(), ...now.keys()])) {
    if (!(await ctx.admin.host.exists(`space/${space}`))) continue;
    for (const p of now.get(space) ?? []) if (!(was.get(space)?.has(p) ?? false)) await addMember(ctx.admin, space, p);
    for (const p of was.get(space) ?? []) if (!(now.get(space)?.has(p) ?? false)) await removeMemberOp(ctx.admin, { space, person: p });
  }
}

// ---- Declarations ------------------------------------------------------------------------------

let declared = false;

/** Declares Hearth's handlers with SCIMMY (a process-wide registry; each request passes its context). */
export function declareScim(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({
    patch: true,
    filter: { supported: true, maxResults: 1000 },
    bulk: false,
    sort: false,
    etag: false,
    changePassword: false,
    authenticationSchemes: [{ type: 'oauthbearertoken', name: 'Bearer token', description: 'The token from `hearth-relay scim token`.' }],
  });
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .ingress(((r: UserResource, i: unknown, c: ScimContext) => userIngress(r, i as ScimUserIn, c)) as never)
    .egress(((r: UserResource, c: ScimContext) => userEgress(r, c)) as never)
    .degress(((r: UserResource, c: ScimContext) => userDegress(r, c)) as never);
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(((r: GroupResource, i: unknown, c: ScimContext) => groupIngress(r, i as GroupIn, c)) as never)
    .egress(((r: GroupResource, c: ScimContext) => groupEgress(r, c)) as never)
    .degress(((r: GroupResource, c: ScimContext) => groupDegress(r, c)) as never);
}
