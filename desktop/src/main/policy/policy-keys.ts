// Why: machine policy is what IT relies on to point every install at the company's relay and
// identity provider and to switch updates off; a person cannot override it. The same key names are
// used in the Windows registry, the macOS profile and /etc/hearth/policy.json (and in the ADMX
// template). Each value is parsed on its own: one mistyped value is reported and dropped, the
// rest of the policy still applies.
import type { Settings } from '../../shared/settings.js';

export type MachinePolicy = Partial<Settings>;

type Parser<T> = (raw: unknown) => T | undefined;

const asBoolean: Parser<boolean> = (raw) => {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === '1' || raw === 'true') return true;
  if (raw === 0 || raw === '0' || raw === 'false') return false;
  return undefined;
};

const asCount: Parser<number> = (raw) => {
  const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

const asText: Parser<string> = (raw) => (typeof raw === 'string' && raw.trim() !== '' && raw.length <= 2048 ? raw.trim() : undefined);

const asUrl = (protocols: readonly string[]): Parser<string> => (raw) => {
  const text = asText(raw);
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.username === '' && url.password === '' ? text.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
};

/** Policy key (as IT writes it) → the setting it sets and how its value is read. */
export const POLICY_KEYS = {
  RelayUrl: { setting: 'relayUrl', parse: asUrl(['wss:', 'ws:']) },
  AllowRelayChange: { setting: 'allowRelayChange', parse: asBoolean },
  SignInIssuer: { setting: 'signInIssuer', parse: asUrl(['https:']) },
  SignInClientId: { setting: 'signInClientId', parse: asText },
  AutoUpdate: { setting: 'autoUpdate', parse: asBoolean },
  UpdateUrl: { setting: 'updateUrl', parse: asUrl(['https:', 'http:']) },
  MaxAttachmentSizeMB: { setting: 'maxAttachmentSizeMb', parse: asCount },
  MaxAttachmentsPerPost: { setting: 'maxAttachmentsPerPost', parse: asCount },
  AllowPlainTextTokenStorage: { setting: 'allowPlainTextTokenStorage', parse: asBoolean },
  WipeLocalDataOnSignOut: { setting: 'wipeLocalDataOnSignOut', parse: asBoolean },
} as const satisfies Record<string, { setting: keyof Settings; parse: Parser<unknown> }>;

export type PolicyKey = keyof typeof POLICY_KEYS;
export const POLICY_KEY_NAMES = Object.keys(POLICY_KEYS) as PolicyKey[];

export interface ParsedPolicy {
  policy: MachinePolicy;
  warnings: string[];
}

/** Reads raw name → value pairs from one source. `where` names the source in warnings. */
export function parsePolicyValues(raw: Readonly<Record<string, unknown>>, where: string): ParsedPolicy {
  const policy: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const key = POLICY_KEY_NAMES.find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) {
      warnings.push(`${where}: unknown policy "${name}" ignored`);
      continue;
    }
    const { setting, parse } = POLICY_KEYS[key];
    const parsed = parse(value);
    if (parsed === undefined) warnings.push(`${where}: ${key} has an invalid value and is ignored`);
    else policy[setting] = parsed;
  }
  return { policy: policy as MachinePolicy, warnings };
}
