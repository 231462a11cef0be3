// A point in time as people read it: "5 minutes ago" in the text, the full date and time in a
// tooltip and in the machine-readable dateTime attribute.
import { useStrings } from '../i18n/index.js';

export interface TimeTextProps {
  at: number;
  /** "Now" for relative wording; pass it from the container so lists re-render together. */
  now?: number;
  /** 'relative' (default) or 'absolute' wording. */
  style?: 'relative' | 'absolute';
}

export function TimeText({ at, now, style = 'relative' }: TimeTextProps) {
  const s = useStrings();
  const full = s.formatDateTime(at);
  const text = style === 'relative' && now !== undefined ? s.formatRelative(at, now) : full;
  return (
    <time dateTime={new Date(at).toISOString()} title={full}>
      {text}
    </time>
  );
}
