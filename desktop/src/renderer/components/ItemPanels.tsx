// A post or comment's own actions (Edit, Withdraw, Report) and the panels they open under it:
// "withdraw?" confirmation for one's own item, or the report form for someone else's. Shared by
// Thread (the post) and CommentItem.
import type { MouseEvent } from 'react';
import { useStrings } from '../i18n/index.js';
import type { MessageKey } from '../i18n/index.js';
import { ReportForm } from './ReportForm.js';

type ItemAction = 'edit' | 'retract' | 'report';

export interface ItemActionsProps {
  /** Edit and Withdraw: the viewer's own item, in their outbox (an item seeded elsewhere saves nothing). */
  writable: boolean;
  /** The viewer wrote it: never Report on one's own item, even one Withdraw is not offered for. */
  own: boolean;
  /** Writing is blocked here (no Edit; Withdraw and Report stay). */
  writeBlocked: boolean;
  /** The open action, if any (a comment also has 'reply'). */
  mode: ItemAction | 'reply' | null;
  open(next: ItemAction): (event: MouseEvent<HTMLButtonElement>) => void;
  labels: Record<ItemAction, MessageKey>;
}

export function ItemActions(props: ItemActionsProps) {
  const s = useStrings();
  const { writable, mode, open, labels } = props;
  return (
    <>
      {writable && mode !== 'edit' && !props.writeBlocked && (
        <button type="button" className="button-quiet" onClick={open('edit')}>
          {s.t(labels.edit)}
        </button>
      )}
      {writable ? (
        <button type="button" className="button-quiet" aria-expanded={mode === 'retract'} onClick={open('retract')}>
          {s.t(labels.retract)}
        </button>
      ) : (
        !props.own && (
          <button type="button" className="button-quiet" aria-expanded={mode === 'report'} onClick={open('report')}>
            {s.t(labels.report)}
          </button>
        )
      )}
    </>
  );
}

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
