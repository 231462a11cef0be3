// The behaviour policy, readable at any time, and its acknowledgement (the UI engineer's
// PolicyView). The distributed policy carries no confidential term in clear: only its rules'
// messages and guidance are shown.
import { useMemo } from 'react';
import { PolicyView } from '../components/PolicyView.js';
import type { PolicySummary } from '../components/types.js';
import type { Policy } from '../data/policy.js';
import { usePolicy } from '../hooks/use-data.js';
import { usePolicyGate } from '../hooks/use-policy-gate.js';
import { text } from './strings.js';

export function summarisePolicy(policy: Policy): PolicySummary {
  return {
    version: policy.version,
    title: policy.name,
    introduction: '',
    rules: policy.rules.map((r) => ({ id: r.id, name: r.message, description: r.message, severity: r.severity, guidance: r.guidance })),
    updatedAt: null,
  };
}

export function PolicyScreen() {
  const policy = usePolicy();
  const gate = usePolicyGate();
  const summary = useMemo(() => (policy ? summarisePolicy(policy) : null), [policy]);
  return (
    <section className="screen screen-policy" aria-label={text.policy.title}>
      {summary ? (
        <PolicyView policy={summary} acknowledgedVersion={gate.acknowledgedVersion} onAcknowledge={() => void gate.acknowledge()} />
      ) : (
        <>
          <h1>{text.policy.title}</h1>
          <p>{text.policy.none}</p>
        </>
      )}
    </section>
  );
}
