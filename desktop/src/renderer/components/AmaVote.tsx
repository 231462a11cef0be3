// On a question of an "ask me anything": its votes, a toggle to vote it up (one vote per person),
// and whether the leader answered it.
import { useStrings } from '../i18n/index.js';

export interface AmaVoteProps {
  votes: number;
  voted: boolean;
  /** The leader's name when they replied to it. */
  answeredBy: string | null;
  /** Absent: the reader cannot vote (their own question, or writing is blocked). */
  onToggle?: (vote: boolean) => void;
}

export function AmaVote({ votes, voted, answeredBy, onToggle }: AmaVoteProps) {
  const s = useStrings();
  return (
    <>
      <span className="ama-votes">{s.t('engage.ama.votes', { count: votes })}</span>
      {onToggle && (
        <button type="button" className="button-quiet" aria-pressed={voted} onClick={() => onToggle(!voted)}>
          ▲ {s.t(voted ? 'engage.ama.voted' : 'engage.ama.vote')}
        </button>
      )}
      {answeredBy !== null && <span className="mark mark-accepted">✓ {s.t('engage.ama.answered', { name: answeredBy })}</span>}
    </>
  );
}
