// The reach of a must-read announcement, for its author and the communications team: how many of
// its audience acknowledged it — a count the relay computes, never who. Announced politely as it moves.
import type { Reach } from '@hearth/core';
import { useStrings } from '../i18n/index.js';

export function ReachFigure({ reach }: { reach: Reach | undefined }) {
  const s = useStrings();
  const percent = reach && reach.audience > 0 ? Math.round((100 * reach.acknowledged) / reach.audience) : 0;
  return (
    <p className="reach-figure" role="status" data-testid="reach">
      {reach ? s.t('engage.reach', { acknowledged: reach.acknowledged, audience: reach.audience, percent }) : s.t('engage.reach.none')}
    </p>
  );
}
