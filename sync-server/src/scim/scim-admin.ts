// The admin side of SCIM: the bearer token (`hearth-relay scim token` prints a new one and the old
// one stops working) and the group map (`hearth-relay scim groups FILE`: which group grants which
// role or space membership). Both are admin operations, so the CLI reaches them the usual way.
import { RelaySettings } from '../admin/relay-settings.js';
import type { AdminContext, AdminOperation } from '../admin/registry.js';
import { journalFor } from '../audit/journal.js';
import { groupMapSchema, ScimState } from './scim-state.js';

export function scimState(db: AdminContext['db']): ScimState {
  const settings = new RelaySettings(db);
  return new ScimState({ get: async (key) => settings.get(key), set: async (key, value) => settings.set(key, value) });
}

export const scimTokenOp: AdminOperation = async (ctx) => {
  const token = await scimState(ctx.db).rotateToken();
  await journalFor(ctx.db).record({ kind: 'directory-change', actor: 'admin', details: { operation: 'scim-token-rotated' } });
  return { ok: true, result: { token, note: 'Give this token to the identity provider now: only its hash is kept, and the previous token no longer works.' } };
};

export const scimGroupMapOp: AdminOperation = async (ctx, body) => {
  const parsed = groupMapSchema.safeParse((body as { map?: unknown } | null)?.map);
  if (!parsed.success) return { ok: false, error: 'expected { map: { "<group display name>": { "role": "<role>" } | { "space": "<space id>" } } }', details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  await scimState(ctx.db).setGroupMap(parsed.data);
  return { ok: true, result: { groups: Object.keys(parsed.data).length } };
};
