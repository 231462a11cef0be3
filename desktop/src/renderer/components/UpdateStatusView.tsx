// What the updater is doing, in words, with "Restart to update" once a download is ready. The
// status line is a live region: progress and readiness arrive while the screen is open.
import type { UpdateStatus } from '../../shared/bridge.js';
import { useStrings, type Strings } from '../i18n/index.js';

export interface UpdateStatusViewProps {
  /** null while the host has not answered. */
  status: UpdateStatus | null;
  onInstall: () => void;
}

function describe(s: Strings, status: UpdateStatus): string {
  switch (status.state) {
    case 'disabled':
      return s.t(`settings.update.disabled.${status.reason}`);
    case 'idle':
      return status.checkedAt === null
        ? s.t('settings.update.idle')
        : s.t('settings.update.checkedAt', { time: s.formatDateTime(status.checkedAt) });
    case 'checking':
      return s.t('settings.update.checking');
    case 'downloading':
      return s.t('settings.update.downloading', { version: status.version, percent: Math.round(status.percent) });
    case 'ready':
      return s.t('settings.update.ready', { version: status.version });
    case 'error':
      return s.t('settings.update.error', { message: status.message });
  }
}

export function UpdateStatusView({ status, onInstall }: UpdateStatusViewProps) {
  const s = useStrings();
  return (
    <div className="update-status">
      <p role="status" className={status?.state === 'error' ? 'form-error' : undefined}>
        {status === null ? s.t('settings.loading') : describe(s, status)}
      </p>
      {status?.state === 'downloading' && (
        <progress max={100} value={status.percent} aria-label={describe(s, status)} />
      )}
      {status?.state === 'ready' && (
        <button type="button" className="button-primary" onClick={onInstall}>
          {s.t('settings.update.restart')}
        </button>
      )}
    </div>
  );
}
