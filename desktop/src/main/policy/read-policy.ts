// Why: one entry point reads the machine policy of whichever platform the app runs on, through
// injected command and file readers (so tests feed it captured output). Machine-wide policy wins
// over per-user policy key by key; a source that cannot be read is reported, never fatal — the app
// still starts, and IT sees the warning in the log and in the app's settings view.
import { parsePolicyValues } from './policy-keys.js';
import type { MachinePolicy } from './policy-keys.js';
import { POLICY_REGISTRY_KEYS, isMissingKey, parseRegQuery } from './windows-registry.js';
import { isMissingFile, managedPreferencePaths, parsePlutilJson, plutilArgs } from './macos-managed-preferences.js';

export const LINUX_POLICY_FILE = '/etc/hearth/policy.json';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PolicyReaderDeps {
  platform: NodeJS.Platform;
  appId: string;
  username: string;
  run(command: string, args: readonly string[]): Promise<CommandResult>;
  /** The file's text, or null when it does not exist. */
  readFile(path: string): Promise<string | null>;
}

export interface PolicyReadResult {
  policy: MachinePolicy;
  /** The sources that contributed, most authoritative first, for the log and the settings view. */
  sources: string[];
  warnings: string[];
}

type SourceRead = { where: string; values: Record<string, unknown> | null; warning?: string };

async function readWindows(deps: PolicyReaderDeps): Promise<SourceRead[]> {
  return Promise.all(
    POLICY_REGISTRY_KEYS.map(async (key): Promise<SourceRead> => {
      const r = await deps.run('reg', ['query', key]);
      if (r.code === 0) return { where: key, values: parseRegQuery(r.stdout) };
      if (isMissingKey(r.code, r.stderr)) return { where: key, values: null };
      return { where: key, values: null, warning: `${key}: could not be read (${r.stderr.trim() || `exit ${r.code}`})` };
    }),
  );
}

async function readMac(deps: PolicyReaderDeps): Promise<SourceRead[]> {
  return Promise.all(
    managedPreferencePaths(deps.appId, deps.username).map(async (file): Promise<SourceRead> => {
      const r = await deps.run('/usr/bin/plutil', plutilArgs(file));
      if (r.code !== 0) {
        if (isMissingFile(r.stderr)) return { where: file, values: null };
        return { where: file, values: null, warning: `${file}: could not be read (${r.stderr.trim() || `exit ${r.code}`})` };
      }
      const values = parsePlutilJson(r.stdout);
      return values === null ? { where: file, values: null, warning: `${file}: not a dictionary of settings` } : { where: file, values };
    }),
  );
}

async function readLinux(deps: PolicyReaderDeps): Promise<SourceRead[]> {
  let text: string | null;
  try {
    text = await deps.readFile(LINUX_POLICY_FILE);
  } catch (err) {
    return [{ where: LINUX_POLICY_FILE, values: null, warning: `${LINUX_POLICY_FILE}: could not be read (${(err as Error).message})` }];
  }
  if (text === null) return [{ where: LINUX_POLICY_FILE, values: null }];
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return [{ where: LINUX_POLICY_FILE, values: value as Record<string, unknown> }];
  } catch {
    // Reported below.
  }
  return [{ where: LINUX_POLICY_FILE, values: null, warning: `${LINUX_POLICY_FILE}: not a JSON object; no policy applied from it` }];
}

/** Reads the policy; sources are listed most authoritative first and merged key by key. */
export async function readMachinePolicy(deps: PolicyReaderDeps): Promise<PolicyReadResult> {
  const reads = deps.platform === 'win32' ? await readWindows(deps) : deps.platform === 'darwin' ? await readMac(deps) : await readLinux(deps);
  const policy: MachinePolicy = {};
  const sources: string[] = [];
  const warnings: string[] = [];
  // Least authoritative first, so the more authoritative source overwrites key by key.
  for (const read of [...reads].reverse()) {
    if (read.warning !== undefined) warnings.unshift(read.warning);
    if (read.values === null) continue;
    const parsed = parsePolicyValues(read.values, read.where);
    Object.assign(policy, parsed.policy);
    sources.unshift(read.where);
    warnings.unshift(...parsed.warnings);
  }
  return { policy, sources, warnings };
}
