// The zod shapes of the engagement entry kinds (engagement-types.ts), for both readers of entries:
// the outbox schema (which fills defaults) and validateEntry (which receives complete snapshots).
// Why a factory: the two differ only in their common fields, and the kinds must not be spelled twice.
import { z } from 'zod';

type Shape = z.ZodRawShape;

export function engagementEntrySchemas<B extends Shape>(base: B, id: z.ZodString) {
  return [
    z.object({ ...base, type: z.literal('kudos'), to: id, message: z.string(), space: id.nullable() }),
    z.object({ ...base, type: z.literal('kudos-consent'), inSpaces: z.boolean() }),
    z.object({ ...base, type: z.literal('leaderboard'), space: id, enabled: z.boolean() }),
    z.object({ ...base, type: z.literal('bookmark'), space: id, post: id }),
    z.object({ ...base, type: z.literal('best-of'), space: id, post: id }),
  ] as const;
}
