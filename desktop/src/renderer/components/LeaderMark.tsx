// The mark beside a leader's name (directory role `leader`), so people see who is present.
import { useStrings } from '../i18n/index.js';

export function LeaderMark() {
  const s = useStrings();
  return (
    <span className="mark mark-leader" title={s.t('engage.leaderTitle')}>
      {s.t('engage.leader')}
    </span>
  );
}
