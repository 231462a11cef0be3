// Reading the distributed policy on a client. Why validate again: the `policy` room is written only
// by the relay, but a client must not crash or misjudge on a damaged or newer document; a policy
// that does not parse is treated as absent (the relay still judges every entry). A rule of a kind
// this version of the app does not know (the relay was upgraded first) is left out, not fatal: the
// composer then judges by the rules it knows and the relay, which knows them all, has the last word.
import type * as Y from 'yjs';
import { readPolicyRaw } from '../model/index.js';
import {
  distributedPolicySchema,
  issuesToErrors,
  RULE_KINDS,
  type DistributedPolicy,
  type PolicyError,
} from './policy-schemas.js';

export type ParseResult =
  | { ok: true; policy: DistributedPolicy; /** ids of rules of unknown kinds, left out */ skipped: string[] }
  | { ok: false; errors: PolicyError[] };

const KNOWN_KINDS: ReadonlySet<unknown> = new Set(RULE_KINDS);

/** Splits off rules whose kind is a string this version does not know. */
function withoutUnknownKinds(value: unknown): { value: unknown; skipped: string[] } {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { rules?: unknown }).rules)) {
    return { value, skipped: [] };
  }
  const rules = (value as { rules: unknown[] }).rules;
  const unknown = (r: unknown) =>
    typeof r === 'object' && r !== null && typeof (r as { kind?: unknown }).kind === 'string' && !KNOWN_KINDS.has((r as { kind: string }).kind);
  const skipped = rules.filter(unknown).map((r) => String((r as { id?: unknown }).id));
  if (skipped.length === 0) return { value, skipped };
  return { value: { ...value, rules: rules.filter((r) => !unknown(r)) }, skipped };
}

export function parsePolicy(json: unknown): ParseResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, errors: [{ path: '', message: 'not JSON' }] };
    }
  }
  const known = withoutUnknownKinds(value);
  const parsed = distributedPolicySchema.safeParse(known.value);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error) };
  return { ok: true, policy: parsed.data, skipped: known.skipped };
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
