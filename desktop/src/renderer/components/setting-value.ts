// How a setting's value reads in the settings screen: yes/no, sizes in MB, "Not set" for nothing.
import type { SettingKey, SettingsView } from '../../shared/bridge.js';
import type { MessageKey, Strings } from '../i18n/index.js';

/** The order settings are listed in: where the app connects, sign-in, updates, limits, tokens. */
export const SETTING_ORDER: readonly SettingKey[] = [
  'relayUrl',
  'allowRelayChange',
  'signInIssuer',
  'signInClientId',
  'autoUpdate',
  'updateUrl',
  'maxAttachmentSizeMb',
  'maxAttachmentsPerPost',
  'allowPlainTextTokenStorage',
  'wipeLocalDataOnSignOut',
];

export const settingLabel = (key: SettingKey): MessageKey => `settings.key.${key}`;

export function formatSetting<K extends SettingKey>(s: Strings, key: K, value: SettingsView[K]['value']): string {
  if (value === null || value === '') return s.t('settings.notSet');
  if (typeof value === 'boolean') return s.t(value ? 'settings.yes' : 'settings.no');
  if (key === 'maxAttachmentSizeMb' && typeof value === 'number') return s.t('settings.megabytes', { count: value });
  return typeof value === 'number' ? s.formatNumber(value) : value;
}
