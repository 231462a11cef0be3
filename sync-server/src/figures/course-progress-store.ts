// Which modules of which course each person has marked done: the relay's record of `module-done`
// entries (the table course_progress, storage/migrations.ts 0003). Why a table and not a document:
// a person's progress is theirs (their app reads it from their own outbox); only aggregates of it
// leave the relay, through the figures (figures-service.ts), under the five-person rule.
import type { CompletionFact } from '@hearth/core';
import type { Db } from '../storage/schema.js';

export class CourseProgressStore {
  constructor(private readonly db: Db) {}

  /** Records the entry's current state (idempotent: replays write the same row). */
  async put(row: { entryId: string; person: string; space: string; module: string; done: boolean; at: number }, tx: Db = this.db): Promise<void> {
    const values = { entry_id: row.entryId, person: row.person, space: row.space, module: row.module, done: row.done ? 1 : 0, at: row.at };
    await tx
      .insertInto('course_progress')
      .values(values)
      .onConflict((oc) => oc.column('entry_id').doUpdateSet({ done: values.done, at: values.at }))
      .execute();
  }

  /** Modules marked done (not taken back) in these spaces. */
  async completions(spaces: readonly string[]): Promise<CompletionFact[]> {
    if (spaces.length === 0) return [];
    const rows = await this.db.selectFrom('course_progress').select(['space', 'module', 'person']).where('space', 'in', spaces).where('done', '=', 1).execute();
    return rows;
  }
}
