// What IT relies on in the packaging configuration and the policy templates, checked against the
// installed electron-builder's own JSON schema and against the policy keys the app actually reads.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../app-paths.js';
import { POLICY_KEY_NAMES, parsePolicyValues } from '../policy/policy-keys.js';
import { parsePlutilJson } from '../policy/macos-managed-preferences.js';

const repo = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
const read = (p: string) => readFileSync(repo(p), 'utf8');
const require = createRequire(import.meta.url);

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const config = yaml.load(read('electron-builder.yml')) as Config;

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json of the installed electron-builder', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // Compiling electron-builder's schema takes seconds on a busy machine.
  }, 30_000);

  it('passes electron-builder’s own loader and validator (getConfig + validateConfiguration)', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<object>;
      validateConfiguration(config: object, logger: object): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => object };
    const loaded = await getConfig(repo(''), repo('electron-builder.yml'), null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000);

  it('uses the app id the policy reader looks for in /Library/Managed Preferences', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('builds a per-machine MSI with a fixed upgrade code, and a per-machine NSIS installer', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toBe('92046706-D8C1-4D73-8727-A19B6B594638');
    expect(config.nsis.perMachine).toBe(true);
  });

  it('signs Windows builds and verifies update signatures against the publisher, with no secret in the file', () => {
    expect(config.win.verifyUpdateCodeSignature).not.toBe(false);
    expect(config.win.signtoolOptions.publisherName.length).toBeGreaterThan(0);
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    const text = read('electron-builder.yml');
    expect(text).not.toMatch(/certificatePassword|certificateFile|cscKeyPassword|appleIdPassword|AZURE_CLIENT_SECRET\s*[:=]\s*\S/);
  });

  it('signs and notarises macOS builds with the hardened runtime and minimal entitlements', () => {
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg', 'pkg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    const entitlements = plist.parse(read(config.mac.entitlements)) as Record<string, unknown>;
    expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });

  it('builds AppImage, deb and rpm for Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or inspect; cookie encryption, asar integrity, asar only', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('publishes to a generic https server and registers hearth:// links', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).protocol).toBe('https:');
    expect(config.protocols[0].schemes).toEqual(['hearth']);
  });

  it('packages the bundles the app loads at run time, from where the build puts them', () => {
    const pkg = JSON.parse(read('desktop/package.json')) as { main: string };
    expect(config.directories.app).toBe('desktop');
    expect(pkg.main).toBe('dist/main/index.cjs');
    for (const bundle of ['dist/main/**', 'dist/preload/**', 'dist/web/**']) expect(config.files).toContain(bundle);
    expect(existsSync(repo(config.icon))).toBe(true);
  });
});

describe('policy templates', () => {
  const parseXml = (p: string) => {
    const errors: string[] = [];
    const doc = new DOMParser({ errorHandler: { error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) } }).parseFromString(read(p), 'text/xml');
    expect(errors).toEqual([]);
    return doc;
  };

  it('the ADMX defines every policy the app reads, under SOFTWARE\\Policies\\Hearth, and the ADML names them all', () => {
    const admx = parseXml('assets/windows/hearth.admx');
    const adml = parseXml('assets/windows/en-US/hearth.adml');
    const policies = Array.from(admx.getElementsByTagName('policy'));
    expect(policies.map((p) => p.getAttribute('name')).sort()).toEqual([...POLICY_KEY_NAMES].sort());
    for (const p of policies) expect(p.getAttribute('key')).toBe('SOFTWARE\\Policies\\Hearth');
    const valueNames = new Set([...policies.map((p) => p.getAttribute('valueName')), ...Array.from(admx.getElementsByTagName('*')).map((e) => e.getAttribute('valueName'))]);
    for (const key of POLICY_KEY_NAMES) expect(valueNames).toContain(key);
    const strings = new Set(Array.from(adml.getElementsByTagName('string')).map((s) => s.getAttribute('id')));
    const presentations = new Set(Array.from(adml.getElementsByTagName('presentation')).map((s) => s.getAttribute('id')));
    for (const [, kind, id] of read('assets/windows/hearth.admx').matchAll(/\$\((string|presentation)\.([A-Za-z0-9_]+)\)/g)) {
      expect(kind === 'string' ? strings : presentations).toContain(id);
    }
  });

  it('the sample .mobileconfig targets the app id and holds only valid policy values', () => {
    const profile = plist.parse(read('assets/macos/com.example.hearth.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent[0] as Record<string, unknown>;
    expect(payload.PayloadType).toBe(APP_ID);
    // What macOS writes to Managed Preferences, as plutil would print it.
    const values = parsePlutilJson(JSON.stringify(payload)) as Record<string, unknown>;
    const parsed = parsePolicyValues(values, 'mobileconfig');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.policy.relayUrl).toBe('wss://hearth.corp.example.com');
  });

  it('the Linux example policy.json holds every key, all valid', () => {
    const values = JSON.parse(read('assets/linux/policy.example.json')) as Record<string, unknown>;
    expect(Object.keys(values).sort()).toEqual([...POLICY_KEY_NAMES].sort());
    expect(parsePolicyValues(values, 'policy.example.json').warnings).toEqual([]);
  });
});
