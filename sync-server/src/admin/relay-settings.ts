// Small durable settings of the relay's logic (the policy term key, the current policy source
// version). Kept in the relay's database so a backup of the data directory carries them.
import type { Db } from '../storage/schema.js';

export class RelaySettings {
  constructor(private readonly db: Db) {}

  async get(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('relay_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('relay_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}
