// The settings screen's content: every setting with its value and where it comes from (machine
// policy, the person's own setting, the default), where the sign-in token is kept, and updates.
// Read-only: IT changes managed settings by policy; the person's own ones are set where they apply
// (the server address at sign-in). In the web client only the server address applies.
import { useId } from 'react';
import type { SettingKey, SettingsView, TokenStorageStatus, UpdateStatus } from '../../shared/bridge.js';
import { useStrings } from '../i18n/index.js';
import { SETTING_ORDER, formatSetting, settingLabel } from './setting-value.js';
import { UpdateStatusView } from './UpdateStatusView.js';

export interface SettingsPanelProps {
  host: 'electron' | 'web';
  /** The relay this session syncs with. */
  relayUrl: string;
  /** null while the host has not answered. */
  settings: SettingsView | null;
  tokenStorage: TokenStorageStatus | null;
  update: UpdateStatus | null;
  onInstallUpdate: () => void;
}

function SettingRow({ name, settings }: { name: SettingKey; settings: SettingsView }) {
  const s = useStrings();
  const { value, source } = settings[name];
  return (
    <div className={`setting setting-${source}`}>
      <dt>{s.t(settingLabel(name))}</dt>
      <dd>
        <span className="setting-value">{formatSetting(s, name, value)}</span>{' '}
        <span className={`setting-source setting-source-${source}`}>{s.t(`settings.source.${source}`)}</span>
        {source === 'policy' && <span className="setting-why field-help">{s.t('settings.why.policy')}</span>}
      </dd>
    </div>
  );
}

function TokenStorageNote({ status }: { status: TokenStorageStatus }) {
  const s = useStrings();
  switch (status.kind) {
    case 'keychain':
      return <p>{s.t('settings.token.keychain')}</p>;
    case 'plain-text-allowed-by-policy':
      return <p>{s.t('settings.token.plainText')}</p>;
    case 'browser-storage':
      return <p>{s.t('settings.token.browser')}</p>;
    case 'memory-only':
      return (
        <div className="token-memory-only" role="note">
          <p>
            <strong>{s.t('settings.token.memoryOnly')}</strong>
          </p>
          <p>{s.t('settings.token.reason', { reason: status.reason })}</p>
        </div>
      );
  }
}

export function SettingsPanel({ host, relayUrl, settings, tokenStorage, update, onInstallUpdate }: SettingsPanelProps) {
  const s = useStrings();
  const id = useId();
  if (host === 'web') {
    return (
      <div className="settings-panel">
        <h1>{s.t('settings.title')}</h1>
        <p>{s.t('settings.webLead')}</p>
        <dl className="settings-list">
          <div className="setting">
            <dt>{s.t('settings.key.relayUrl')}</dt>
            <dd>
              <span className="setting-value">{relayUrl}</span>
            </dd>
          </div>
        </dl>
      </div>
    );
  }
  return (
    <div className="settings-panel">
      <h1>{s.t('settings.title')}</h1>
      <p>{s.t('settings.lead')}</p>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{s.t('settings.listTitle')}</h2>
        {settings === null ? (
          <p>{s.t('settings.loading')}</p>
        ) : (
          <dl className="settings-list">
            {SETTING_ORDER.map((key) => (
              <SettingRow key={key} name={key} settings={settings} />
            ))}
          </dl>
        )}
      </section>
      <section aria-labelledby={`${id}-token`}>
        <h2 id={`${id}-token`}>{s.t('settings.tokenTitle')}</h2>
        {tokenStorage === null ? <p>{s.t('settings.loading')}</p> : <TokenStorageNote status={tokenStorage} />}
      </section>
      <section aria-labelledby={`${id}-update`}>
        <h2 id={`${id}-update`}>{s.t('settings.updateTitle')}</h2>
        <UpdateStatusView status={update} onInstall={onInstallUpdate} />
      </section>
    </div>
  );
}
