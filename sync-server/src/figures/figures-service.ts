// The figures for communications and facilitators (core/src/figures): who may see which, and the
// reading the relay does for them. Sources, and only these: published space documents (through
// core's readSpaceActivity), the audit journal and the course-progress records — never an outbox,
// inbox or dm room. Access is decided here, on the relay: comms and admins see every space and the
// company-wide activity; a facilitator sees the spaces they facilitate (their meta's
// `facilitators`) and activity in those only; anyone else is refused.
import {
  DIRECTORY_PEOPLE,
  META,
  bucketRoomName,
  computeFigures,
  parseRoomName,
  readBucketIndex,
  readSpaceActivity,
  type FiguresReport,
  type JournalFact,
} from '@hearth/core';
import type * as Y from 'yjs';
import type { DocHost } from '../rooms/doc-host.js';
import type { Db } from '../storage/schema.js';
import { CourseProgressStore } from './course-progress-store.js';

const DAY = 86_400_000;
export const MAX_FIGURE_DAYS = 92;
/** Journal kinds the figures read (activity, holds, reports). */
const JOURNAL_KINDS = ['publication', 'hold', 'report', 'acknowledgement', 'membership'] as const;

export type FiguresAnswer = { ok: true; report: FiguresReport } | { ok: false; status: 403; error: string };

export interface FiguresQuery {
  person: string;
  /** Only this space (must be one the person may see). */
  space?: string | null;
  /** Days up to and including `until`'s day (UTC). */
  days: number;
  until: number;
}

export class FiguresService {
  private readonly progress: CourseProgressStore;

  constructor(
    private readonly host: DocHost,
    private readonly db: Db,
  ) {
    this.progress = new CourseProgressStore(db);
  }

  async figures(q: FiguresQuery): Promise<FiguresAnswer> {
    const roles = await this.rolesOf(q.person);
    const organisation = roles.includes('comms') || roles.includes('admin');
    // Space documents only: their time buckets (space/<id>/<yyyy-mm>) are read with their space.
    const rooms = (await this.host.listRooms('space/')).filter((r) => parseRoomName(r)?.kind === 'space').sort();
    const visible: string[] = [];
    for (const room of rooms) {
      if (parseRoomName(room)?.kind !== 'space') continue; // its time buckets are read with it below
      const doc = await this.host.open(room);
      const meta = doc.getMap<unknown>(META);
      const id = meta.get('id');
      if (typeof id !== 'string') continue;
      const facilitators = meta.get('facilitators');
      if (organisation || (Array.isArray(facilitators) && facilitators.includes(q.person))) visible.push(id);
    }
    // A space one may not see is refused alike whether it exists or not (a secret space's id cannot be tested).
    if (q.space != null && !visible.includes(q.space)) return { ok: false, status: 403, error: 'not a space whose figures you may see' };
    if (!organisation && visible.length === 0) return { ok: false, status: 403, error: 'figures are for communications, admins and facilitators' };
    const spaces = q.space == null ? visible : [q.space];
    const to = (Math.floor(q.until / DAY) + 1) * DAY;
    const from = to - q.days * DAY;
    const scope = organisation && q.space == null ? 'organisation' : 'spaces';
    const activity = [];
    for (const s of spaces) {
      // One space per turn of the event loop: a report over many spaces runs in slices, so the
      // sockets this thread serves are answered between them.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const doc = await this.host.open(`space/${s}`);
      activity.push(readSpaceActivity(doc, await this.bucketsOf(s, doc)));
    }
    const posts = activity.flatMap((a) => a.posts.filter((p) => p.mustRead).map((p) => p.id));
    return {
      ok: true,
      report: computeFigures({
        from,
        to,
        scope,
        spaces: activity,
        journal: await this.journal(from, to, scope === 'organisation' ? null : spaces),
        completions: await this.progress.completions(spaces),
        readReceipts: posts.length === 0 ? [] : await this.db.selectFrom('read_receipts').select(['post', 'person']).where('post', 'in', posts).execute(),
      }),
    };
  }

  /** The space's time buckets that exist (listed in its index). */
  private async bucketsOf(space: string, doc: Y.Doc): Promise<Y.Doc[]> {
    const out: Y.Doc[] = [];
    for (const { key } of readBucketIndex(doc)) {
      const room = bucketRoomName(space, key);
      if (await this.host.exists(room)) out.push(await this.host.open(room));
    }
    return out;
  }

  private async rolesOf(person: string): Promise<string[]> {
    const record = (await this.host.open('directory')).getMap<unknown>(DIRECTORY_PEOPLE).get(person) as { roles?: unknown; status?: unknown } | undefined;
    if (record?.status !== 'active' || !Array.isArray(record.roles)) return [];
    return record.roles.filter((r): r is string => typeof r === 'string');
  }

  /** Journal records in [from, to): of these spaces only, or all (null) for the organisation. */
  private async journal(from: number, to: number, spaces: string[] | null): Promise<JournalFact[]> {
    if (spaces !== null && spaces.length === 0) return [];
    let query = this.db.selectFrom('audit_journal').select(['kind', 'actor', 'space', 'at']).where('at', '>=', from).where('at', '<', to).where('kind', 'in', [...JOURNAL_KINDS]);
    if (spaces !== null) query = query.where('space', 'in', spaces);
    return query.execute();
  }
}
