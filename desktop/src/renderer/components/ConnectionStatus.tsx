// Tells people whether their work has reached the relay: online, offline or reconnecting, and how
// many of their changes are saved on this device but not yet on the server. Announced politely.
import type { ConnectionState } from './types.js';
import { TimeText } from './TimeText.js';
import { useStrings } from '../i18n/index.js';

export interface ConnectionStatusProps {
  state: ConnectionState;
  /** Outbox changes saved locally and not yet acknowledged by the relay. */
  unsavedCount: number;
  /** When the relay last confirmed everything. */
  lastSyncedAt?: number | null;
  now?: number;
  /** Offer "Try now" while offline or reconnecting. */
  onRetry?: () => void;
}

export function ConnectionStatus({ state, unsavedCount, lastSyncedAt, now, onRetry }: ConnectionStatusProps) {
  const s = useStrings();
  const label = { online: s.t('connection.online'), offline: s.t('connection.offline'), reconnecting: s.t('connection.reconnecting') }[state];
  return (
    <div className={`connection connection-${state}`}>
      <p role="status" className="connection-line">
        <span className="connection-dot" aria-hidden="true" />
        <span className="connection-label">{label}</span>
        {unsavedCount > 0 && <span className="connection-unsaved">{s.t('connection.unsaved', { count: unsavedCount })}</span>}
      </p>
      {state !== 'online' && (
        <p className="connection-hint">
          {unsavedCount > 0 ? s.t('connection.keptLocally') : s.t('connection.workOffline')}
          {lastSyncedAt != null && (
            <>
              {' '}
              {s.t('connection.lastSynced')} <TimeText at={lastSyncedAt} now={now} />
            </>
          )}
        </p>
      )}
      {state !== 'online' && onRetry && (
        <button type="button" className="button-quiet" onClick={onRetry}>
          {s.t('connection.retry')}
        </button>
      )}
    </div>
  );
}
