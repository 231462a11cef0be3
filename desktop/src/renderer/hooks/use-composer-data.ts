// What every composer needs from this device: the policy's coaching (core's evaluate), the people
// who can be mentioned (active directory records) and their names. The posting-rate rule needs the
// author's recent activity: this device counts its own outbox (the relay counts what it published).
import { useCallback, useMemo } from 'react';
import { recentActivity, type DirectoryRecord, type Draft, type Verdict } from '@hearth/core';
import { judge } from '../data/policy.js';
import { useDirectory, useNameOf, useOutbox, usePolicy } from './use-data.js';

export function useComposerData(): { evaluateDraft: (draft: Draft) => Verdict; people: DirectoryRecord[]; nameOf: (id: string) => string } {
  const policy = usePolicy();
  const directory = useDirectory();
  const nameOf = useNameOf();
  const people = useMemo(() => [...directory.values()].filter((p) => p.status === 'active'), [directory]);
  const outbox = useOutbox();
  // A caller that sets `recent` itself wins (an edit of a published item passes undefined: no new post).
  const evaluateDraft = useCallback((d: Draft) => judge(policy, { recent: recentActivity(outbox, Date.now()), ...d }), [policy, outbox]);
  return { evaluateDraft, people, nameOf };
}
