import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMachinePolicy } from './read-policy.js';
import type { CommandResult, PolicyReaderDeps } from './read-policy.js';
import { parseRegQuery } from './windows-registry.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ok = (stdout: string): CommandResult => ({ code: 0, stdout, stderr: '' });
const missingKey: CommandResult = { code: 1, stdout: '', stderr: fixture('reg-query-missing.stderr.txt') };

function deps(platform: NodeJS.Platform, commands: Record<string, CommandResult>, files: Record<string, string> = {}): PolicyReaderDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    platform,
    appId: 'com.example.hearth',
    username: 'seema',
    calls,
    async run(command, args) {
      const line = [command, ...args].join(' ');
      calls.push(line);
      return commands[line] ?? { code: 1, stdout: '', stderr: 'unexpected command' };
    },
    async readFile(file) {
      return files[file] ?? null;
    },
  };
}

describe('Windows registry policy (reg query output)', () => {
  it('reads strings and DWORDs under the queried key, not its sub-keys', () => {
    expect(parseRegQuery(fixture('reg-query-hklm.txt'))).toEqual({
      RelayUrl: 'wss://hearth.corp.example.com',
      AllowRelayChange: 0,
      SignInIssuer: 'https://login.corp.example.com/realms/staff',
      SignInClientId: 'hearth-desktop',
      AutoUpdate: 0,
      UpdateUrl: 'https://updates.corp.example.com/hearth/',
      MaxAttachmentSizeMB: 25,
    });
  });

  it('lets HKLM win over HKCU key by key, and reports a bad value without dropping the rest', async () => {
    const result = await readMachinePolicy(
      deps('win32', {
        'reg query HKLM\\SOFTWARE\\Policies\\Hearth': ok(fixture('reg-query-hklm.txt')),
        'reg query HKCU\\SOFTWARE\\Policies\\Hearth': ok(fixture('reg-query-hkcu.txt')),
      }),
    );
    expect(result.policy).toEqual({
      relayUrl: 'wss://hearth.corp.example.com',
      allowRelayChange: false,
      signInIssuer: 'https://login.corp.example.com/realms/staff',
      signInClientId: 'hearth-desktop',
      autoUpdate: false,
      updateUrl: 'https://updates.corp.example.com/hearth',
      maxAttachmentSizeMb: 25,
      maxAttachmentsPerPost: 5,
      allowPlainTextTokenStorage: true,
    });
    expect(result.sources).toEqual(['HKLM\\SOFTWARE\\Policies\\Hearth', 'HKCU\\SOFTWARE\\Policies\\Hearth']);
    expect(result.warnings).toEqual(['HKCU\\SOFTWARE\\Policies\\Hearth: MaxAttachmentSizeMB has an invalid value and is ignored']);
  });

  it('treats a missing key as no policy, and an unreadable one as a warning', async () => {
    const result = await readMachinePolicy(
      deps('win32', { 'reg query HKLM\\SOFTWARE\\Policies\\Hearth': missingKey, 'reg query HKCU\\SOFTWARE\\Policies\\Hearth': { code: 5, stdout: '', stderr: 'ERROR: Access is denied.' } }),
    );
    expect(result.policy).toEqual({});
    expect(result.warnings).toEqual(['HKCU\\SOFTWARE\\Policies\\Hearth: could not be read (ERROR: Access is denied.)']);
  });
});

describe('macOS managed preferences (plutil -convert json output)', () => {
  it('reads the machine profile and runs plutil without a shell', async () => {
    const d = deps('darwin', {
      '/usr/bin/plutil -convert json -o - /Library/Managed Preferences/com.example.hearth.plist': ok(fixture('plutil-managed-preferences.json.txt')),
      '/usr/bin/plutil -convert json -o - /Library/Managed Preferences/seema/com.example.hearth.plist': { code: 1, stdout: '', stderr: fixture('plutil-missing.stderr.txt') },
    });
    const result = await readMachinePolicy(d);
    expect(result.policy).toEqual({
      allowRelayChange: false,
      autoUpdate: true,
      maxAttachmentSizeMb: 50,
      relayUrl: 'wss://hearth.corp.example.com',
      signInClientId: 'hearth-desktop',
      signInIssuer: 'https://login.corp.example.com/realms/staff',
      updateUrl: 'https://updates.corp.example.com/hearth',
    });
    expect(result.warnings).toEqual([]);
    expect(result.sources).toEqual(['/Library/Managed Preferences/com.example.hearth.plist']);
  });
});

describe('Linux /etc/hearth/policy.json', () => {
  it('reads the file, refusing a relay that is not ws(s) and an update server that is not http(s)', async () => {
    const result = await readMachinePolicy(
      deps('linux', {}, { '/etc/hearth/policy.json': JSON.stringify({ RelayUrl: 'http://relay', UpdateUrl: 'file:///tmp/evil', AutoUpdate: false, Colour: 'red' }) }),
    );
    expect(result.policy).toEqual({ autoUpdate: false });
    expect(result.warnings).toEqual([
      '/etc/hearth/policy.json: RelayUrl has an invalid value and is ignored',
      '/etc/hearth/policy.json: UpdateUrl has an invalid value and is ignored',
      '/etc/hearth/policy.json: unknown policy "Colour" ignored',
    ]);
  });

  it('starts with no policy when the file is missing or damaged, saying so for the damaged one', async () => {
    expect(await readMachinePolicy(deps('linux', {}))).toEqual({ policy: {}, sources: [], warnings: [] });
    const damaged = await readMachinePolicy(deps('linux', {}, { '/etc/hearth/policy.json': '{"AutoUpdate": fal' }));
    expect(damaged.policy).toEqual({});
    expect(damaged.warnings[0]).toMatch(/not a JSON object/);
  });
});
