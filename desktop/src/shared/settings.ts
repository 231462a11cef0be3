// Settings and where each value came from. IT sets machine policy, which a person cannot override;
// the app shows which settings are managed. Pure types and one constant list, no platform APIs.

export type SettingSource = 'policy' | 'user' | 'default';

/** A value together with its origin; `locked` is true when the person cannot change it. */
export interface ManagedValue<T> {
  value: T;
  source: SettingSource;
  locked: boolean;
}

export interface Settings {
  /** The relay (ws:// or wss://); null until IT or the person sets one. */
  relayUrl: string | null;
  allowRelayChange: boolean;
  signInIssuer: string | null;
  signInClientId: string | null;
  autoUpdate: boolean;
  updateUrl: string | null;
  maxAttachmentSizeMb: number;
  maxAttachmentsPerPost: number;
  allowPlainTextTokenStorage: boolean;
  /** Sign-out also deletes the person's local copy (shared or kiosk computers). */
  wipeLocalDataOnSignOut: boolean;
}

export type SettingKey = keyof Settings;

export type SettingsView = { [K in SettingKey]: ManagedValue<Settings[K]> };

/** The settings a person may change (unless policy sets them); every other key is IT's alone. */
export const USER_SETTING_KEYS = ['relayUrl', 'autoUpdate'] as const satisfies readonly SettingKey[];
export type UserSettingKey = (typeof USER_SETTING_KEYS)[number];
export type UserSettings = Partial<Pick<Settings, UserSettingKey>>;

/** What applies when neither policy nor the person says otherwise. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  relayUrl: null,
  allowRelayChange: true,
  signInIssuer: null,
  signInClientId: null,
  autoUpdate: true,
  updateUrl: null,
  maxAttachmentSizeMb: 25,
  maxAttachmentsPerPost: 10,
  allowPlainTextTokenStorage: false,
  wipeLocalDataOnSignOut: false,
};

/** Every setting at its default, unlocked: the web client's view. */
export function defaultSettingsView(): SettingsView {
  const view = {} as Record<SettingKey, ManagedValue<unknown>>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    view[key] = { value: DEFAULT_SETTINGS[key], source: 'default', locked: false };
  }
  return view as SettingsView;
}
