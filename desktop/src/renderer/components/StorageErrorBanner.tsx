// Shown when this device cannot store Hearth's data: the disk is full, the local database is blocked
// by another window, or storage is unavailable. Says what happened, what is safe, and what to do.
import { useId } from 'react';
import type { StorageProblem } from './types.js';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';

export interface StorageErrorBannerProps {
  problem: StorageProblem;
  /** Changes kept in memory that could not be written (they are lost if the app closes). */
  unwrittenCount?: number;
  /** The technical detail (error name), shown small for IT. */
  detail?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

const TEXT: Record<StorageProblem, { title: MessageKey; what: MessageKey; todo: MessageKey }> = {
  quota: { title: 'storage.quota.title', what: 'storage.quota.what', todo: 'storage.quota.todo' },
  blocked: { title: 'storage.blocked.title', what: 'storage.blocked.what', todo: 'storage.blocked.todo' },
  unavailable: { title: 'storage.unavailable.title', what: 'storage.unavailable.what', todo: 'storage.unavailable.todo' },
  'write-failed': { title: 'storage.writeFailed.title', what: 'storage.writeFailed.what', todo: 'storage.writeFailed.todo' },
};

export function StorageErrorBanner({ problem, unwrittenCount = 0, detail, onRetry, onDismiss }: StorageErrorBannerProps) {
  const s = useStrings();
  const id = useId();
  const text = TEXT[problem];
  return (
    <section className="banner banner-error" role="alert" aria-labelledby={id}>
      <h2 id={id} className="banner-title">
        {s.t(text.title)}
      </h2>
      <p>{s.t(text.what)}</p>
      {unwrittenCount > 0 && <p className="banner-strong">{s.t('storage.unwritten', { count: unwrittenCount })}</p>}
      <p>{s.t(text.todo)}</p>
      {detail !== undefined && detail !== '' && (
        <p className="banner-detail">
          {s.t('storage.detail')} <code>{detail}</code>
        </p>
      )}
      <div className="banner-actions">
        {onRetry && (
          <button type="button" className="button-primary" onClick={onRetry}>
            {s.t('storage.retry')}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button-quiet" onClick={onDismiss}>
            {s.t('storage.dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
