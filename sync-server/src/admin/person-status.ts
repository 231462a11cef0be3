// `person-status`: whether a person is in the directory, and their status. Why an admin operation:
// `hearth-relay token` asks it before signing, through the running relay or in-process like every
// other admin command, so it reads the directory the relay serves and never its own copy.
import { z } from 'zod';
import { directoryPerson } from '../auth/access-views.js';
import type { AdminOperation } from './registry.js';

export const personStatusOp: AdminOperation = async (ctx, body) => {
  const parsed = z.object({ person: z.string().min(1) }).safeParse(body);
  if (!parsed.success) return { ok: false, error: 'expected { person: <id> }' };
  const person = directoryPerson(await ctx.host.open('directory'), parsed.data.person);
  if (person === null) return { ok: false, error: `unknown person ${parsed.data.person}: not in the directory (import it with \`hearth-relay directory import\`)` };
  return { ok: true, result: { id: person.id, status: person.status } };
};
