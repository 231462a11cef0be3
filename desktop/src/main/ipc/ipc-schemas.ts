// Why: the renderer is the least trusted process; whatever reaches main is parsed, not cast. Each
// channel's arguments have a zod schema tied by type to the bridge contract, so a schema that no
// longer matches HearthBridge fails to compile.
import { z } from 'zod';
import type { InvokeArgs, InvokeMethod } from '../../shared/ipc-contract.js';

const text = (max: number) => z.string().max(max);
/** The address of a relay: ws(s) or http(s), parsed by the URL parser, not matched by a pattern. */
export const relayUrlSchema = text(2048).refine((value) => {
  try {
    return ['ws:', 'wss:', 'http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'not a relay address');
/** An in-app hash route such as '#/post/space-1/01H…'. */
export const routeSchema = text(1024).regex(/^#\/[^\s]*$/, 'not an app route');

const notification = z.strictObject({ title: text(200), body: text(1000), route: routeSchema.optional() });
const session = z.strictObject({
  personId: text(200).min(1),
  token: text(16_384).min(1),
  relayUrl: relayUrlSchema,
  expiresAt: z.number().int().nonnegative().nullable(),
});

export const ARG_SCHEMAS: { [M in InvokeMethod]: z.ZodType<InvokeArgs<M>> } = {
  notify: z.tuple([notification]),
  setBadge: z.tuple([z.number().int().min(0).max(1_000_000)]),
  loadSession: z.tuple([]),
  saveSession: z.tuple([session]),
  clearSession: z.tuple([]),
  tokenStorage: z.tuple([]),
  managedConfig: z.tuple([]),
  settings: z.tuple([]),
  signIn: z.tuple([relayUrlSchema]),
  renewSession: z.tuple([]),
  updateStatus: z.tuple([]),
  installUpdate: z.tuple([]),
  // 512 MiB: larger than any attachment the relay accepts by default; the name is a base name.
  openFile: z.tuple([z.strictObject({ name: text(255).min(1), mimeType: text(255), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 512 * 1024 * 1024, 'file too large') })]),
};
