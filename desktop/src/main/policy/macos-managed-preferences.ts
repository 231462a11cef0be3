// Why: on macOS, IT deploys a configuration profile (MDM or a .mobileconfig) and the system writes
// it to /Library/Managed Preferences/<appId>.plist (machine) or .../<user>/<appId>.plist (user),
// readable but not writable by the person. Those files are often binary plists; `plutil -convert
// json -o -` turns them into JSON without a native module. This parses that output.

export function managedPreferencePaths(appId: string, username: string): string[] {
  const base = '/Library/Managed Preferences';
  const safeUser = /^[A-Za-z0-9._-]+$/.test(username) ? username : null;
  return [`${base}/${appId}.plist`, ...(safeUser === null ? [] : [`${base}/${safeUser}/${appId}.plist`])];
}

export function plutilArgs(plistPath: string): string[] {
  return ['-convert', 'json', '-o', '-', plistPath];
}

/**
 * The top-level values of the plist as JSON, without the profile's own Payload* bookkeeping keys;
 * null when the output is not a JSON object.
 */
export function parsePlutilJson(output: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(output);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('Payload')));
  } catch {
    return null;
  }
}

/** plutil reports a missing file on stderr with "No such file" (or "file does not exist"). */
export function isMissingFile(stderr: string): boolean {
  return /no such file|does not exist|couldn.t be opened because there is no such file/i.test(stderr);
}
