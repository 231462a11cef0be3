// Report an item to the moderators (the UI engineer's ReportForm): a report entry in the outbox.
import { useState } from 'react';
import { ReportForm } from '../components/ReportForm.js';
import { useActions } from '../hooks/use-actions.js';
import { text } from './strings.js';

export function ReportButton({ space, target, label }: { space: string | null; target: string; label: string }) {
  const actions = useActions();
  const [state, setState] = useState<'idle' | 'open' | 'done'>('idle');
  if (state === 'done') return <span role="status">{text.post.reported}</span>;
  if (state === 'open') {
    return (
      <ReportForm
        label={label}
        onCancel={() => setState('idle')}
        onSubmit={(reason) => void actions.report({ space, target, reason }).then(() => setState('done'))}
      />
    );
  }
  return (
    <button type="button" className="button-quiet" onClick={() => setState('open')}>
      {text.post.report}
    </button>
  );
}
