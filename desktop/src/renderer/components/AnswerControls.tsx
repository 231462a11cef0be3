// On a question's comment: the "Accepted answer" mark, and for the asker or a facilitator the
// buttons to accept it or withdraw the acceptance.
import { useStrings } from '../i18n/index.js';

export interface AnswerControlsProps {
  accepted: boolean;
  /** The reader asked the question or facilitates the space. */
  mayAccept: boolean;
  onAccept: () => void;
  onWithdraw: () => void;
}

export function AnswerControls({ accepted, mayAccept, onAccept, onWithdraw }: AnswerControlsProps) {
  const s = useStrings();
  return (
    <>
      {accepted && <span className="mark mark-accepted">✓ {s.t('engage.accepted')}</span>}
      {mayAccept && (
        <button type="button" className="button-quiet" onClick={accepted ? onWithdraw : onAccept}>
          {s.t(accepted ? 'engage.unaccept' : 'engage.accept')}
        </button>
      )}
    </>
  );
}
