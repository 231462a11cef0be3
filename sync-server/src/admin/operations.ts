// The admin operations behind `hearth-relay directory import`, `policy set`, `space create`,
// `space add-member` and `space remove-member`. Each validates its input with the core and writes
// through the DocHost, so every change is stored before it reaches any client.
import {
  compilePolicy,
  importDirectory,
  mergeDirectoryImport,
  readDirectory,
  initSpace,
  putDirectoryRecords,
  putSpaceInCatalogue,
  readPolicy,
  readPolicyRaw,
  warmUp,
  roomName,
  setPolicyDocument,
  SPACE_KINDS,
  SPACE_VISIBILITIES,
  type SpaceMeta,
} from '@hearth/core';
import { z } from 'zod';
import { journalFor } from '../audit/journal.js';
import type { AdminContext, AdminOperation, AdminResult } from './registry.js';
import { MembershipStore, projectMembership } from './membership-store.js';
import { RelaySettings } from './relay-settings.js';

const fail = (error: string, details?: unknown): AdminResult => ({ ok: false, error, ...(details === undefined ? {} : { details }) });
const done = (result: unknown): AdminResult => ({ ok: true, result });
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const importDirectoryOp: AdminOperation = async (ctx, body) => {
  const records = z.object({ records: z.array(z.unknown()) }).safeParse(body);
  if (!records.success) return fail('expected { records: [...] }: a JSON array of directory records');
  const result = importDirectory(records.data.records);
  // A refused row never removes or changes anybody (core's mergeDirectoryImport says why).
  const merged = mergeDirectoryImport(readDirectory(await ctx.host.open('directory')), result);
  await ctx.host.write('directory', (doc) => putDirectoryRecords(doc, merged.records));
  await journalFor(ctx.db).record({
    kind: 'directory-import',
    actor: 'admin',
    details: { accepted: result.accepted.map((r) => r.id), refused: result.refused.length, kept: merged.kept, departed: merged.departed },
  });
  const summary = {
    accepted: result.accepted.length,
    changed: merged.changed,
    kept: merged.kept,
    departed: merged.departed,
    ...(merged.departuresSkipped === null ? {} : { departuresSkipped: merged.departuresSkipped }),
    refused: result.refused,
    warnings: result.warnings,
  };
  // Anything refused makes the whole operation a failure for the caller (the CLI exits non-zero),
  // although the accepted rows were applied: an administrator must not mistake it for a clean run.
  if (result.refused.length > 0) return fail(`${result.refused.length} of ${records.data.records.length} records were refused; the others were applied`, summary);
  return done(summary);
};

export const setPolicyOp: AdminOperation = async (ctx, body) => {
  const parsed = z.object({ source: z.unknown() }).safeParse(body);
  if (!parsed.success) return fail('expected { source: <policy source JSON> }');
  const settings = new RelaySettings(ctx.db);
  const storedKey = (await settings.get('policy.termKey')) ?? undefined;
  const compiled = compilePolicy(parsed.data.source, storedKey === undefined ? {} : { key: storedKey });
  if (!compiled.ok) return fail('the policy does not compile', compiled.errors);
  const current = readPolicyRaw(await ctx.host.open('policy')) as { version?: unknown } | null;
  const currentVersion = typeof current?.version === 'number' ? current.version : 0;
  if (compiled.policy.version <= currentVersion) {
    return fail(`policy version ${compiled.policy.version} is not newer than the current version ${currentVersion}`);
  }
  if (compiled.generatedKey) await settings.set('policy.termKey', compiled.key);
  await ctx.host.write('policy', (doc) => setPolicyDocument(doc, compiled.policy));
  // As the publisher will read it (the prepared rules are kept per policy object): see core's warmUp.
  const written = readPolicy(await ctx.host.open('policy'));
  if (written !== null) warmUp(written);
  await journalFor(ctx.db).record({ kind: 'policy', actor: 'admin', details: { version: compiled.policy.version, previousVersion: currentVersion } });
  return done({ version: compiled.policy.version });
};

const spaceInput = z.object({
  id: z.string().regex(ID),
  name: z.string().min(1).max(100),
  description: z.string().max(2000).default(''),
  kind: z.enum(SPACE_KINDS).default('discussion'),
  visibility: z.enum(SPACE_VISIBILITIES).default('public'),
  facilitators: z.array(z.string().regex(ID)).default([]),
  members: z.array(z.string().regex(ID)).default([]),
  retentionDays: z.number().int().positive().nullable().default(null),
  createdAt: z.number().int().optional(),
});

export const createSpaceOp: AdminOperation = async (ctx, body) => {
  const parsed = spaceInput.safeParse(body);
  if (!parsed.success) return fail('invalid space', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const { members, createdAt, ...rest } = parsed.data;
  const room = roomName({ kind: 'space', space: rest.id });
  if (await ctx.host.exists(room)) return fail(`space ${rest.id} exists already`);
  const meta: SpaceMeta = { ...rest, createdAt: createdAt ?? Date.now() };
  await ctx.host.write(room, (doc) => initSpace(doc, meta));
  if (meta.visibility !== 'secret') await ctx.host.write('spaces', (doc) => putSpaceInCatalogue(doc, meta));
  await journalFor(ctx.db).record({ kind: 'space-created', actor: 'admin', space: meta.id, details: { visibility: meta.visibility, kind: meta.kind, facilitators: meta.facilitators, retentionDays: meta.retentionDays } });
  if (meta.visibility !== 'public') {
    // Facilitators of a private space are its members too: they must read what they facilitate.
    for (const person of new Set([...meta.facilitators, ...members])) await addMember(ctx, meta.id, person);
  }
  return done({ space: meta.id });
};

const membershipInput = z.object({ space: z.string().regex(ID), person: z.string().regex(ID) });

export const addMemberOp: AdminOperation = async (ctx, body) => {
  const parsed = membershipInput.safeParse(body);
  if (!parsed.success) return fail('expected { space, person }');
  const { space, person } = parsed.data;
  if (!(await ctx.host.exists(roomName({ kind: 'space', space })))) return fail(`no space ${space}`);
  return done({ added: await addMember(ctx, space, person) });
};

export const removeMemberOp: AdminOperation = async (ctx, body) => {
  const parsed = membershipInput.safeParse(body);
  if (!parsed.success) return fail('expected { space, person }');
  const { space, person } = parsed.data;
  const store = new MembershipStore(ctx.db);
  if (!(await store.remove(space, person))) return done({ removed: false });
  await projectMembership(ctx.host, store, space, person);
  await journalFor(ctx.db).record({ kind: 'membership', actor: 'admin', space, person, details: { action: 'removed' } });
  // Removing a member closes their connections to that space at once.
  ctx.host.disconnect(roomName({ kind: 'space', space }), person, 4403, 'no longer a member of this space');
  return done({ removed: true });
};

export async function addMember(ctx: AdminContext, space: string, person: string): Promise<boolean> {
  const store = new MembershipStore(ctx.db);
  const added = await store.add(space, person);
  if (added) {
    await projectMembership(ctx.host, store, space, person);
    await journalFor(ctx.db).record({ kind: 'membership', actor: 'admin', space, person, details: { action: 'added' } });
  }
  return added;
}
