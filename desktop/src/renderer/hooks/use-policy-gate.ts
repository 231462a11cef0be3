// The behaviour policy must be acknowledged (an outbox entry) before the person's first post. The
// current version counts; an acknowledgement of an older version asks again.
import { useCallback } from 'react';
import { usePolicy, useOutbox } from './use-data.js';
import { useActions } from './use-actions.js';

export interface PolicyGate {
  /** The person still has to acknowledge the policy before posting. */
  needed: boolean;
  version: number | null;
  acknowledge: () => Promise<void>;
}

export function usePolicyGate(): PolicyGate {
  const policy = usePolicy();
  const outbox = useOutbox();
  const actions = useActions();
  const version = policy?.version ?? null;
  const acked = outbox.some((e) => e.type === 'ack' && (version === null || e.policyVersion >= version));
  // No policy on the device yet: do not block (the relay holds until it is acknowledged).
  const needed = version !== null && !acked;
  const acknowledge = useCallback(async () => {
    if (version !== null) await actions.acknowledge(version);
  }, [actions, version]);
  return { needed, version, acknowledge };
}
