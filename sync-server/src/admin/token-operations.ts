// The admin operation behind `hearth-relay token revoke <person>`: every token the person holds
// stops working (tokens issued before now are refused, whatever signed them), and the running
// relay closes their open connections with 4401 (sign in again). Journalled.
import { z } from 'zod';
import { revocationsFor } from '../auth/token-revocations.js';
import { journalFor } from '../audit/journal.js';
import type { AdminOperation } from './registry.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const revokeTokensOp: AdminOperation = async (ctx, body) => {
  const parsed = z.object({ person: z.string().regex(ID) }).safeParse(body);
  if (!parsed.success) return { ok: false, error: 'expected { person: <person id> }' };
  const { person } = parsed.data;
  const notBefore = await revocationsFor(ctx.db).revoke(person);
  await journalFor(ctx.db).record({ kind: 'token-revocation', actor: 'admin', person, details: { notBefore } });
  return { ok: true, result: { person, revokedBefore: new Date(notBefore * 1000).toISOString() } };
};
