// Why: precedence is what IT relies on — machine policy, then the person's own settings, then
// defaults — and the app must be able to show which settings are managed. One pure function
// computes every setting with its source and whether the person may change it.
import { DEFAULT_SETTINGS, USER_SETTING_KEYS } from '../../shared/settings.js';
import type { ManagedConfig } from '../../shared/bridge.js';
import type { ManagedValue, SettingKey, Settings, SettingsView, UserSettings } from '../../shared/settings.js';
import type { MachinePolicy } from '../policy/policy-keys.js';

const userSettable = new Set<SettingKey>(USER_SETTING_KEYS);

function resolve<K extends SettingKey>(key: K, policy: MachinePolicy, user: UserSettings): ManagedValue<Settings[K]> {
  const fromPolicy = policy[key] as Settings[K] | undefined;
  const fromUser = userSettable.has(key) ? (user[key as keyof UserSettings] as Settings[K] | undefined) : undefined;
  if (key === 'relayUrl' && fromPolicy !== undefined && policy.allowRelayChange === true) {
    // IT suggested a relay but lets people choose another: the policy value is only a default.
    return fromUser !== undefined ? { value: fromUser, source: 'user', locked: false } : { value: fromPolicy, source: 'policy', locked: false };
  }
  if (fromPolicy !== undefined) return { value: fromPolicy, source: 'policy', locked: true };
  if (fromUser !== undefined) return { value: fromUser, source: 'user', locked: false };
  return { value: DEFAULT_SETTINGS[key], source: 'default', locked: !userSettable.has(key) };
}

export function effectiveSettings(policy: MachinePolicy, user: UserSettings): SettingsView {
  const view = {} as Record<SettingKey, ManagedValue<unknown>>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) view[key] = resolve(key, policy, user);
  return view as SettingsView;
}

/** The plain values, for the modules that only need to know what applies. */
export function settingValues(view: SettingsView): Settings {
  const values = {} as Record<SettingKey, unknown>;
  for (const key of Object.keys(view) as SettingKey[]) values[key] = view[key].value;
  return values as Settings;
}

/** The older, smaller view the renderer's sign-in screen reads. */
export function managedConfigOf(view: SettingsView): ManagedConfig {
  const relay = view.relayUrl;
  return relay.source === 'policy' && relay.value !== null ? { relayUrl: relay.value, relayLocked: relay.locked } : { relayLocked: false };
}

/** Whether the person may set this key now (a user-settable key that policy does not lock). */
export function mayChange(view: SettingsView, key: SettingKey): boolean {
  return userSettable.has(key) && !view[key].locked;
}
