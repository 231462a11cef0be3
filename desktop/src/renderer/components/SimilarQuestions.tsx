// While someone writes a question: questions already asked that look alike, each with its accepted
// answer, so they may find it before asking twice. Announced politely as the list changes.
import { plainText } from './plain-text.js';
import { useStrings } from '../i18n/index.js';

export interface SimilarQuestion {
  id: string;
  title: string;
  /** The accepted answer's text, or null when there is none yet. */
  answer: string | null;
  onOpen: () => void;
}

export function SimilarQuestions({ items }: { items: readonly SimilarQuestion[] }) {
  const s = useStrings();
  return (
    <div className="similar-questions" aria-live="polite">
      {items.length > 0 && (
        <section aria-labelledby="similar-title">
          <h2 id="similar-title">{s.t('engage.similar.title')}</h2>
          <ul>
            {items.map((q) => (
              <li key={q.id}>
                <button type="button" className="link-button" onClick={q.onOpen}>
                  {q.title}
                </button>
                <p className="similar-answer">
                  {q.answer === null ? s.t('engage.similar.noAnswer') : `${s.t('engage.similar.answer')} ${plainText(q.answer).slice(0, 200)}`}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
