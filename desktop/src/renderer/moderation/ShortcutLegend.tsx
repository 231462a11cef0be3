// The visible list of the review pane's keys (toggled with `?`), from the same table the key
// handler reads.
import { useStrings } from '../i18n/index.js';
import { SHORTCUTS } from './review-keys.js';

export function ShortcutLegend({ id }: { id: string }) {
  const s = useStrings();
  return (
    <section id={id} className="review-legend" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s.t('review.shortcuts')}</h2>
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.command}>
            <dt>
              <kbd>{shortcut.label}</kbd>
            </dt>
            <dd>{s.t(shortcut.description)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
