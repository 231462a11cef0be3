// Reading the distributed policy on a client. Why validate again: the `policy` room is written only
// by the relay, but a client must not crash or misjudge on a damaged or newer document; a policy
// that does not parse is treated as absent (the relay still judges every entry).
import type * as Y from 'yjs';
import { readPolicyRaw } from '../model/index.js';
import { distributedPolicySchema, issuesToErrors, type DistributedPolicy, type PolicyError } from './policy-schemas.js';

export type ParseResult = { ok: true; policy: DistributedPolicy } | { ok: false; errors: PolicyError[] };

export function parsePolicy(json: unknown): ParseResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, errors: [{ path: '', message: 'not JSON' }] };
    }
  }
  const parsed = distributedPolicySchema.safeParse(value);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, errors: issuesToErrors(parsed.error) };
}

const parsedOf = new WeakMap<object, DistributedPolicy | null>();

/**
 * The current distributed policy of the `policy` room, or null when there is none or it does not
 * parse. The same stored value yields the same policy object, so preparePolicy's cache holds.
 */
export function readPolicy(policyDoc: Y.Doc): DistributedPolicy | null {
  const raw = readPolicyRaw(policyDoc);
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'object') {
    const known = parsedOf.get(raw);
    if (known !== undefined) return known;
    const result = parsePolicy(raw);
    const policy = result.ok ? result.policy : null;
    parsedOf.set(raw, policy);
    return policy;
  }
  const result = parsePolicy(raw);
  return result.ok ? result.policy : null;
}
