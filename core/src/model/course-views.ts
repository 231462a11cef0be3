// A person's progress through a course, derived from the space view and their own outbox: which
// modules there are and which of them they marked done. Pure and read-only, so it moves the moment
// the person clicks, offline too; nobody else's progress is ever on the device (the facilitator
// sees only the relay's aggregate, core's figures).
import type { EntryId, OutboxEntry, PostView, SpaceId, SpaceMeta, SpaceView } from './types.js';

/** A course's modules are the posts of its facilitators (learners' posts are its discussion). */
export function isModule(space: Pick<SpaceMeta, 'kind' | 'facilitators'>, post: { authorId: string }): boolean {
  return space.kind === 'course' && space.facilitators.includes(post.authorId);
}

/** The live (not retracted) module-done entries of `space` in the outbox, by module (post) id. */
export function moduleDoneEntries(outbox: readonly OutboxEntry[], space: SpaceId): Map<EntryId, EntryId> {
  const out = new Map<EntryId, EntryId>();
  for (const e of outbox) if (e.type === 'module-done' && e.space === space && !e.retracted) out.set(e.post, e.id);
  return out;
}

export interface CourseProgress {
  /** The modules, oldest first (the order a course is taken in). */
  modules: PostView[];
  /** Module id → the entry that marks it done, for the modules done. */
  done: Map<EntryId, EntryId>;
}

/** The person's progress in a course space; null when the space is not a course. */
export function courseProgress(view: SpaceView, outbox: readonly OutboxEntry[]): CourseProgress | null {
  const meta = view.meta;
  if (meta === null || meta.kind !== 'course') return null;
  const modules = view.posts.filter((p) => isModule(meta, p)).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const marks = moduleDoneEntries(outbox, meta.id);
  const done = new Map([...marks].filter(([post]) => modules.some((m) => m.id === post)));
  return { modules, done };
}
