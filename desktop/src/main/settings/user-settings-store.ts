// The person's own settings (relay address, auto-update), kept as JSON in the app's user data
// folder. Read through zod: a damaged file means defaults, not a crash.
import { z } from 'zod';
import type { UserSettings } from '../../shared/settings.js';
import { relayUrlSchema } from '../ipc/ipc-schemas.js';

const userSettingsSchema = z.object({ relayUrl: relayUrlSchema.optional(), autoUpdate: z.boolean().optional() });

export interface TextFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export function parseUserSettings(text: string | null): UserSettings {
  if (text === null) return {};
  try {
    const parsed = userSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function createUserSettingsStore(file: TextFile) {
  let cache: UserSettings | null = null;
  return {
    async load(): Promise<UserSettings> {
      cache ??= parseUserSettings(await file.read());
      return cache;
    },
    async update(patch: UserSettings): Promise<UserSettings> {
      const next: UserSettings = { ...(await this.load()), ...patch };
      for (const key of Object.keys(next) as (keyof UserSettings)[]) if (next[key] === undefined) delete next[key];
      cache = next;
      await file.write(`${JSON.stringify(next, null, 2)}\n`);
      return next;
    },
  };
}

export type UserSettingsStore = ReturnType<typeof createUserSettingsStore>;
