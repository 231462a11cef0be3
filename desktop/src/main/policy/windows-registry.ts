// Why: on Windows, Group Policy and Intune write Hearth's policy under
// HKLM\SOFTWARE\Policies\Hearth (machine) and HKCU\SOFTWARE\Policies\Hearth (user); both keys are
// writable only by administrators. We read them with the system's `reg query` instead of a native
// module, so the app ships no compiled code of its own; this parses that command's output.

export const POLICY_REGISTRY_KEYS = ['HKLM\\SOFTWARE\\Policies\\Hearth', 'HKCU\\SOFTWARE\\Policies\\Hearth'] as const;

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** Values directly under the queried key (sub-keys are ignored), as strings or numbers. */
export function parseRegQuery(output: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  let inQueriedKey = false;
  let queriedKey: string | null = null;
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      queriedKey ??= line.trim();
      inQueriedKey = line.trim() === queriedKey;
      continue;
    }
    if (!inQueriedKey) continue;
    const m = VALUE_LINE.exec(line);
    if (m === null) continue;
    const [, name = '', type = '', data = ''] = m;
    if (name === '(Default)') continue;
    switch (type) {
      case 'REG_DWORD':
      case 'REG_QWORD': {
        const n = Number.parseInt(data, 16);
        if (Number.isSafeInteger(n)) values[name] = n;
        break;
      }
      case 'REG_SZ':
      case 'REG_EXPAND_SZ':
        values[name] = data;
        break;
      case 'REG_MULTI_SZ':
        values[name] = data.split('\\0').filter((s) => s !== '').join('\n');
        break;
      default:
        // REG_BINARY and friends are not used by Hearth's policy.
        break;
    }
  }
  return values;
}

/** `reg query` exits 1 when the key does not exist: that is "no policy", not an error. */
export function isMissingKey(code: number, stderr: string): boolean {
  return code === 1 && /unable to find/i.test(stderr);
}
