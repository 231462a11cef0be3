// The behaviour policy must be acknowledged (an outbox entry) before the person contributes; the
// relay holds everything else until then. The current version counts: a newer policy asks again.
import { useCallback } from 'react';
import { usePolicy, useOutbox } from './use-data.js';
import { useActions } from './use-actions.js';

export interface PolicyGate {
  /** The person still has to acknowledge the policy before posting. */
  needed: boolean;
  version: number | null;
  /** The highest version this person acknowledged, or null. */
  acknowledgedVersion: number | null;
  acknowledge: () => Promise<void>;
}

export function usePolicyGate(): PolicyGate {
  const policy = usePolicy();
  const outbox = useOutbox();
  const actions = useActions();
  const version = policy?.version ?? null;
  let acknowledgedVersion: number | null = null;
  for (const e of outbox) if (e.type === 'ack') acknowledgedVersion = Math.max(acknowledgedVersion ?? 0, e.policyVersion);
  // No policy on the device yet: do not block (the relay holds until it is acknowledged).
  const needed = version !== null && (acknowledgedVersion === null || acknowledgedVersion < version);
  const acknowledge = useCallback(async () => {
    if (version !== null) await actions.acknowledge(version);
  }, [actions, version]);
  return { needed, version, acknowledgedVersion, acknowledge };
}
