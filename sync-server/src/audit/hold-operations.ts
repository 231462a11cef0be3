// Admin operations for legal holds (`hearth-relay hold add|remove|list`), registered in the same
// registry as the other admin operations, so the CLI reaches them through the running relay's
// POST /admin/<operation> or in-process under the data-directory lock — one writer either way.
// Each change is journaled in the same transaction as the hold row.
import { z } from 'zod';
import { adminOperations, type AdminOperation, type AdminResult } from '../admin/registry.js';
import { journalFor } from './journal.js';
import { LegalHolds } from './legal-holds.js';
import { inTransaction } from '../storage/schema.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const fail = (error: string): AdminResult => ({ ok: false, error });
const target = z.union([z.object({ space: z.string().regex(ID) }), z.object({ person: z.string().regex(ID) })]);

export const addHoldOp: AdminOperation = async (ctx, body) => {
  const parsed = z.intersection(target, z.object({ reason: z.string().trim().min(1).max(1000), by: z.string().max(100).default('admin') })).safeParse(body);
  if (!parsed.success) return fail('expected { space | person, reason }');
  const { reason, by } = parsed.data;
  const [scope, id] = 'space' in parsed.data ? (['space', parsed.data.space] as const) : (['person', parsed.data.person] as const);
  const holds = new LegalHolds(ctx.db);
  const journal = journalFor(ctx.db);
  const hold = await inTransaction(ctx.db, async (tx) => {
    const h = await holds.in(tx).add(scope, id, reason, by, Date.now());
    await journal.record({ kind: 'legal-hold', actor: by, space: scope === 'space' ? id : null, person: scope === 'person' ? id : null, details: { action: 'placed', hold: h.id, scope, reason } }, tx);
    return h;
  });
  return { ok: true, result: hold };
};

export const removeHoldOp: AdminOperation = async (ctx, body) => {
  const parsed = z.intersection(target, z.object({ by: z.string().max(100).default('admin') })).safeParse(body);
  if (!parsed.success) return fail('expected { space | person }');
  const [scope, id] = 'space' in parsed.data ? (['space', parsed.data.space] as const) : (['person', parsed.data.person] as const);
  const holds = new LegalHolds(ctx.db);
  const journal = journalFor(ctx.db);
  const removed = await inTransaction(ctx.db, async (tx) => {
    const n = await holds.in(tx).remove(scope, id, parsed.data.by, Date.now());
    if (n > 0) await journal.record({ kind: 'legal-hold', actor: parsed.data.by, space: scope === 'space' ? id : null, person: scope === 'person' ? id : null, details: { action: 'lifted', scope, holds: n } }, tx);
    return n;
  });
  return removed > 0 ? { ok: true, result: { removed } } : fail(`no standing hold on ${scope} ${id}`);
};

export const listHoldsOp: AdminOperation = async (ctx, body) => {
  const all = z.object({ all: z.boolean().default(false) }).safeParse(body ?? {});
  return { ok: true, result: await new LegalHolds(ctx.db).list({ all: all.success && all.data.all }) };
};

adminOperations['hold-add'] = addHoldOp;
adminOperations['hold-remove'] = removeHoldOp;
adminOperations['hold-list'] = listHoldsOp;
