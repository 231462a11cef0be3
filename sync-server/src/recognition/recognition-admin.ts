// `POST /admin/recognition-set` { enabled?, offCountries? }: the admin switches recognition off for
// the whole organisation or for countries (works councils, privacy law). The relay then refuses
// kudos, awards no badges there, and the app shows nothing of recognition to those people.
import { readRecognitionSettings, setRecognitionSettings } from '@hearth/core';
import { z } from 'zod';
import { journalFor } from '../audit/journal.js';
import type { AdminOperation } from '../admin/registry.js';
import { RECOGNITION_ROOM } from './recognition-desk.js';

const input = z.object({
  enabled: z.boolean().optional(),
  offCountries: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166-1 country code')).max(300).optional(),
});

export const setRecognitionOp: AdminOperation = async (ctx, body) => {
  const parsed = input.safeParse(body);
  if (!parsed.success) return { ok: false, error: 'expected { enabled?: boolean, offCountries?: ["DE", ...] }', details: parsed.error.issues.map((i) => i.message) };
  const current = readRecognitionSettings(await ctx.host.open(RECOGNITION_ROOM));
  const next = { enabled: parsed.data.enabled ?? current.enabled, offCountries: parsed.data.offCountries ?? current.offCountries };
  await ctx.host.write(RECOGNITION_ROOM, (doc) => setRecognitionSettings(doc, next));
  await journalFor(ctx.db).record({ kind: 'recognition-settings', actor: 'admin', details: { ...next } });
  return { ok: true, result: readRecognitionSettings(await ctx.host.open(RECOGNITION_ROOM)) };
};
