// Report an item to the moderators: a report entry in the outbox with a reason.
import { useState } from 'react';
import { useActions } from '../hooks/use-actions.js';
import { text } from './strings.js';

export function ReportButton({ space, target }: { space: string | null; target: string }) {
  const actions = useActions();
  const [done, setDone] = useState(false);
  if (done) return <span role="status">{text.post.reported}</span>;
  return (
    <button
      type="button"
      className="button-quiet"
      onClick={() => {
        const reason = prompt(text.post.reportReason);
        if (reason && reason.trim()) void actions.report({ space, target, reason: reason.trim() }).then(() => setDone(true));
      }}
    >
      {text.post.report}
    </button>
  );
}
