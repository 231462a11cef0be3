// The panels that open under a post or comment's actions: "withdraw?" confirmation for one's own
// item, or the report form for someone else's. Shared by Thread (the post) and CommentItem.
import { useStrings } from '../i18n/index.js';
import type { MessageKey } from '../i18n/index.js';
import { ReportForm } from './ReportForm.js';

export interface ItemPanelsProps {
  /** Which panel is open, if any. */
  open: 'retract' | 'report' | null;
  /** A unique id prefix for labelling. */
  id: string;
  confirmText: MessageKey;
  confirmYes: MessageKey;
  reportLabel: string;
  onRetract(): void;
  onReport(reason: string): void;
  onClose(): void;
}

export function ItemPanels(props: ItemPanelsProps) {
  const s = useStrings();
  const { id, onClose } = props;
  if (props.open === 'retract') {
    return (
      <div className="confirm-inline" role="group" aria-labelledby={`${id}-retract`}>
        <p id={`${id}-retract`}>{s.t(props.confirmText)}</p>
        <button type="button" className="button-quiet" autoFocus onClick={onClose}>
          {s.t('comment.keep')}
        </button>
        <button type="button" className="button-danger" onClick={props.onRetract}>
          {s.t(props.confirmYes)}
        </button>
      </div>
    );
  }
  if (props.open === 'report') {
    return (
      <ReportForm
        label={props.reportLabel}
        onCancel={onClose}
        onSubmit={(reason) => {
          props.onReport(reason);
          onClose();
        }}
      />
    );
  }
  return null;
}
