// Stands in front of anything that writes (a composer) until the person has accepted the current
// behaviour policy. Shows its children once accepted; otherwise says why and offers to read and
// accept the policy. Reading stays possible: the gate wraps only the writing part of a screen.
import { useId, type ReactNode } from 'react';
import { useStrings } from '../i18n/index.js';

export interface AcknowledgeGateProps {
  policyVersion: number;
  /** The version the person accepted, or null. */
  acknowledgedVersion: number | null;
  /** Open the policy to read it (PolicyView). */
  onReadPolicy: () => void;
  /** Accept directly from here (after having read it before; optional). */
  onAcknowledge?: (version: number) => void;
  children: ReactNode;
}

export function AcknowledgeGate({ policyVersion, acknowledgedVersion, onReadPolicy, onAcknowledge, children }: AcknowledgeGateProps) {
  const s = useStrings();
  const id = useId();
  if (acknowledgedVersion !== null && acknowledgedVersion >= policyVersion) return <>{children}</>;
  const changed = acknowledgedVersion !== null;
  return (
    <section className="ack-gate card" aria-labelledby={id}>
      <h2 id={id}>{s.t(changed ? 'gate.changedTitle' : 'gate.title')}</h2>
      <p>{s.t(changed ? 'gate.changedExplain' : 'gate.explain', { version: policyVersion })}</p>
      <div className="form-actions">
        <button type="button" className={onAcknowledge ? 'button-quiet' : 'button-primary'} onClick={onReadPolicy}>
          {s.t('gate.read')}
        </button>
        {onAcknowledge && (
          <button type="button" className="button-primary" onClick={() => onAcknowledge(policyVersion)}>
            {s.t('gate.accept', { version: policyVersion })}
          </button>
        )}
      </div>
    </section>
  );
}
