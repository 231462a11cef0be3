// The behaviour policy as the app uses it: read from the `policy` room with core's readPolicy and
// judged with core's evaluate as the author types (the same pure function the relay runs before
// publication). No policy on the device yet: everything is allowed here; the relay still judges.
import type * as Y from 'yjs';
import { evaluate, readPolicy } from '@hearth/core';
import type { DistributedPolicy, Draft, Verdict } from '@hearth/core';

export type Policy = DistributedPolicy;

export function policyView(doc: Y.Doc): Policy | null {
  return readPolicy(doc);
}

export function judge(policy: Policy | null, draft: Draft): Verdict {
  if (!policy) return { action: 'allow', policyVersion: 0, findings: [] };
  return evaluate(policy, draft);
}
