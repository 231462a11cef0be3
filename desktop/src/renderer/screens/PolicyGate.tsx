// Shown instead of the post composer until the person has acknowledged the current policy.
import type { ReactNode } from 'react';
import { usePolicyGate } from '../hooks/use-policy-gate.js';
import { href } from '../hooks/use-route.js';
import { text } from './strings.js';

export function PolicyGate({ children }: { children: ReactNode }) {
  const gate = usePolicyGate();
  if (!gate.needed) return <>{children}</>;
  return (
    <section className="policy-gate" aria-label={text.policy.title}>
      <p>{text.policy.needAck}</p>
      <p>
        <a href={href({ name: 'policy' })}>{text.policy.title}</a>
      </p>
      <button type="button" className="button-primary" onClick={() => void gate.acknowledge()}>
        {text.policy.acknowledge}
      </button>
    </section>
  );
}
