// Asks whether Hearth may show notifications — in the page, with a button, so the browser's own
// prompt appears only when the person chose to see it (never on load).
import { useStrings } from '../i18n/index.js';

export interface NotificationPromptProps {
  state: 'default' | 'denied';
  onTurnOn: () => void;
  onLater: () => void;
}

export function NotificationPrompt({ state, onTurnOn, onLater }: NotificationPromptProps) {
  const s = useStrings();
  if (state === 'denied') return <p className="notification-prompt field-help">{s.t('notify.denied')}</p>;
  return (
    <section className="card notification-prompt" aria-label={s.t('notify.title')}>
      <p>{s.t('notify.prompt')}</p>
      <button type="button" className="button-primary" onClick={onTurnOn}>
        {s.t('notify.promptOn')}
      </button>{' '}
      <button type="button" className="button-quiet" onClick={onLater}>
        {s.t('notify.promptLater')}
      </button>
    </section>
  );
}
