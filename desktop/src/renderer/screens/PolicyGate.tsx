// Shown instead of a composer until the person has acknowledged the current policy (the UI
// engineer's AcknowledgeGate, wired to the outbox).
import type { ReactNode } from 'react';
import { AcknowledgeGate } from '../components/AcknowledgeGate.js';
import { usePolicyGate } from '../hooks/use-policy-gate.js';
import { navigate } from '../hooks/use-route.js';

export function PolicyGate({ children }: { children: ReactNode }) {
  const gate = usePolicyGate();
  if (!gate.needed || gate.version === null) return <>{children}</>;
  return (
    <AcknowledgeGate
      policyVersion={gate.version}
      acknowledgedVersion={gate.acknowledgedVersion}
      onReadPolicy={() => navigate({ name: 'policy' })}
      onAcknowledge={() => void gate.acknowledge()}
    >
      {children}
    </AcknowledgeGate>
  );
}
