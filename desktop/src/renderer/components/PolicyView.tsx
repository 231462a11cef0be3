// The company's behaviour policy, readable: an introduction and each rule with what it covers,
// what happens when a text matches it, and what to do instead; then the acknowledgement action
// ("I have read and accept"), or the date it was accepted.
import { useId, useState } from 'react';
import type { DistributedPolicy } from '@hearth/core';
import type { PolicySummary } from './types.js';
import { summarisePolicy } from './policy-summary.js';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';

export interface PolicyViewProps {
  /** The policy as the `policy` room distributes it, or an already readable summary. */
  policy: DistributedPolicy | PolicySummary;
  /** The policy version this person last accepted, or null. */
  acknowledgedVersion: number | null;
  onAcknowledge: (version: number) => void;
  /** The acknowledgement is written but not yet confirmed by the relay. */
  acknowledgementPending?: boolean;
}

const CONSEQUENCE: Record<PolicySummary['rules'][number]['severity'], MessageKey> = {
  allow: 'policy.consequence.allow',
  warn: 'policy.consequence.warn',
  flag: 'policy.consequence.flag',
  hold: 'policy.consequence.hold',
  reject: 'policy.consequence.reject',
};

export function PolicyView({ policy: given, acknowledgedVersion, onAcknowledge, acknowledgementPending = false }: PolicyViewProps) {
  const s = useStrings();
  const policy = 'format' in given ? summarisePolicy(given, s) : given;
  const id = useId();
  const [read, setRead] = useState(false);
  const current = acknowledgedVersion === policy.version;
  const older = acknowledgedVersion !== null && acknowledgedVersion < policy.version;

  return (
    <article className="policy" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{policy.title}</h1>
      <p className="policy-version">
        {s.t('policy.version', { version: policy.version })}
        {policy.updatedAt !== null && <> · {s.t('policy.updated', { date: s.formatDate(policy.updatedAt) })}</>}
      </p>
      {policy.introduction !== '' && <p className="policy-intro">{policy.introduction}</p>}

      <h2>{s.t('policy.rulesHeading', { count: policy.rules.length })}</h2>
      <ol className="policy-rules">
        {policy.rules.map((rule) => (
          <li key={rule.id} className="policy-rule card">
            <h3>{rule.name}</h3>
            <p>{rule.description}</p>
            <p>
              <span className={`severity severity-${rule.severity}`}>{s.t(`severity.${rule.severity}`)}</span>{' '}
              {s.t(CONSEQUENCE[rule.severity])}
            </p>
            {rule.guidance !== '' && (
              <p className="policy-guidance">
                <strong>{s.t('policy.whatToDo')}</strong> {rule.guidance}
              </p>
            )}
          </li>
        ))}
      </ol>

      <section className="policy-ack card" aria-labelledby={`${id}-ack`}>
        <h2 id={`${id}-ack`}>{s.t('policy.ackHeading')}</h2>
        {current ? (
          <p role="status">{acknowledgementPending ? s.t('policy.ackPending') : s.t('policy.ackDone', { version: policy.version })}</p>
        ) : (
          <>
            {older && <p>{s.t('policy.ackOlder', { version: acknowledgedVersion })}</p>}
            <p>{s.t('policy.ackExplain')}</p>
            <div className="checkbox-row">
              <input id={`${id}-read`} type="checkbox" checked={read} onChange={(e) => setRead(e.currentTarget.checked)} />
              <label htmlFor={`${id}-read`}>{s.t('policy.ackCheckbox', { version: policy.version })}</label>
            </div>
            <button type="button" className="button-primary" disabled={!read} onClick={() => onAcknowledge(policy.version)}>
              {s.t('policy.ackButton')}
            </button>
          </>
        )}
      </section>
    </article>
  );
}
