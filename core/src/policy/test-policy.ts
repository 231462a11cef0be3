// Test helper (excluded from the build): a compiled policy from a few rules written inline.
import { compilePolicy } from './compile.js';
import type { DistributedPolicy } from './policy-schemas.js';

export const TEST_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

const texts = (id: string) => ({ id, message: `Message of ${id}.`, guidance: `Guidance of ${id}.` });

/** Rules without id/message/guidance get them from their kind. */
export function testPolicy(rules: Record<string, unknown>[], extra: Record<string, unknown> = {}): DistributedPolicy {
  const result = compilePolicy({
    format: 'hearth-policy-source/1',
    version: 7,
    name: 'Test policy',
    termKey: TEST_KEY,
    rules: rules.map((r) => ({ ...texts(String(r.id ?? r.kind)), severity: 'hold', ...r })),
    ...extra,
  });
  if (!result.ok) throw new Error(`test policy does not compile: ${JSON.stringify(result.errors)}`);
  return result.policy;
}
