// What every composer needs from this device: the policy's coaching (core's evaluate), the people
// who can be mentioned (active directory records) and their names.
import { useCallback, useMemo } from 'react';
import type { DirectoryRecord, Draft, Verdict } from '@hearth/core';
import { judge } from '../data/policy.js';
import { useDirectory, useNameOf, usePolicy } from './use-data.js';

export function useComposerData(): { evaluateDraft: (draft: Draft) => Verdict; people: DirectoryRecord[]; nameOf: (id: string) => string } {
  const policy = usePolicy();
  const directory = useDirectory();
  const nameOf = useNameOf();
  const people = useMemo(() => [...directory.values()].filter((p) => p.status === 'active'), [directory]);
  const evaluateDraft = useCallback((d: Draft) => judge(policy, d), [policy]);
  return { evaluateDraft, people, nameOf };
}
