// Opening cases: the publication pipeline calls in for every hold, every flag and every report, and
// this module writes the case file (an Automerge document) and its row in `case_documents` — the row
// holds the item as opened (author, room, version, text) and the findings, the relay's own record
// that the executor acts on; the case file's copy is for the moderators to read. Why idempotent by
// a derived case id: the pipeline may replay a hold after a crash, and several people may report the
// same item — a replay changes nothing, a new report joins the item's open case.
import { spaceOfRoom } from '../publication/space-buckets.js';
import type { DocHandle, DocumentId, Repo } from '@automerge/automerge-repo';
import { addNotice, attachmentsOf, bucketKeyOf, bucketRoomName, ITEM_MAPS, roomName, scanOutbox, type AttachmentRef, type CaseItem, type CaseSource, type ModerationCase, type Notice, type OutboxEntry, type StatusFinding } from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import { SerialQueue } from '../rooms/serial-queue.js';
import type { PublicationStore } from '../publication/publication-store.js';
import type { Logger } from '../log.js';
import type { CaseRow, CaseStore } from './case-store.js';

export interface ReviewEvent {
  entry: OutboxEntry;
  author: string;
  version: number;
  outcome: 'held' | 'flagged';
  findings: StatusFinding[];
  /** Held by the posting rate alone: all such holds of one person on one day share one case. */
  rateLimited?: boolean;
}

export interface ReportEvent {
  reportId: string;
  reporter: string;
  space: string | null;
  target: string;
  reason: string;
  at: number;
}

export interface CaseOpenerOptions {
  repo: Repo;
  store: CaseStore;
  publications: PublicationStore;
  host: DocHost;
  log: Logger;
  now: () => number;
  /** Called once a new case's handle exists, and when a report joins an existing case (the executor watches it). */
  opened: (handle: DocHandle<ModerationCase>, row: CaseRow) => void;
}

/** Automerge refuses `undefined`; findings have optional fields. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class CaseOpener {
  private readonly queue = new SerialQueue();

  constructor(private readonly o: CaseOpenerOptions) {}

  review(r: ReviewEvent): Promise<void> {
    const { entry } = r;
    const item = itemOfEntry(entry, r.author, r.version);
    if (item === null) return Promise.resolve();
    const source: CaseSource = r.outcome === 'held' ? 'hold' : 'flag';
    const space = entry.type === 'post' || entry.type === 'comment' ? entry.space : null;
    // Why shared: a bulk submission held thousands of posts by the rate, one case each; one case per
    // person and day tells the moderators the same (its item: the first post held). The version
    // stays last in the id (recordedItem reads it); rate holds are first versions, so they share.
    const day = new Date(this.o.now()).toISOString().slice(0, 10);
    const caseId = r.rateLimited === true ? `posting-rate.${r.author}.${day}.${r.version}` : `${source}.${entry.id}.${r.version}`;
    return this.queue.run(() => this.open(caseId, source, space, item, plain(r.findings), null));
  }

  /**
   * The item of a case row from before the relay recorded it, from the relay's own records: a held
   * or flagged entry from its author's outbox (the version is in the case id), a reported one from
   * the published document. Never from the case file. Null when the records no longer have it.
   */
  async recordedItem(row: CaseRow): Promise<CaseItem | null> {
    if (row.source === 'report') {
      const item = (await this.reportedItem(row.entryId)) ?? (row.space === null ? null : await this.publishedItem(row.entryId, row.space));
      return item !== null && item.authorId === row.author ? item : null;
    }
    const version = Number(row.caseId.slice(row.caseId.lastIndexOf('.') + 1));
    if (!Number.isInteger(version) || version < 1) return null;
    const outbox = await this.o.host.open(roomName({ kind: 'outbox', person: row.author }));
    const entry = scanOutbox(outbox).entries.find((e) => e.id === row.entryId);
    return entry === undefined ? null : itemOfEntry(entry, row.author, version);
  }

  report(r: ReportEvent): Promise<void> {
    return this.queue.run(async () => {
      const item = (await this.reportedItem(r.target)) ?? (r.space === null ? null : await this.publishedItem(r.target, r.space));
      if (item === null) {
        this.o.log.warn({ report: r.reportId, target: r.target }, 'reported item not found: no case opened');
        await this.tellReporter(r);
        return;
      }
      const space = spaceOfRoom(item.room);
      await this.open(`report.${r.target}`, 'report', space, item, [], r);
    });
  }

  /** A report that opened no case: the reporter hears so, instead of believing a moderator will look. */
  private async tellReporter(r: ReportEvent): Promise<void> {
    const notice: Notice = {
      id: `${r.reportId}:report-not-opened`,
      kind: 'report-not-opened',
      createdAt: this.o.now(),
      message: 'The item you reported is no longer there, so no moderator case was opened. If it still matters, write to a moderator directly.',
      entryId: r.reportId,
      space: r.space,
      about: null,
      findings: [],
    };
    await this.o.host.write(roomName({ kind: 'inbox', person: r.reporter }), (doc) => addNotice(doc, notice));
  }

  idle(): Promise<void> {
    return this.queue.run(() => undefined);
  }

  private async open(caseId: string, source: CaseSource, space: string | null, item: CaseItem, findings: StatusFinding[], report: ReportEvent | null): Promise<void> {
    const { repo, store } = this.o;
    const existing = await store.get(caseId);
    if (existing !== null) {
      if (report === null) return;
      const handle = await repo.find<ModerationCase>(existing.documentId as DocumentId);
      if (handle.doc().reports[report.reportId] === undefined) {
        handle.change((d) => {
          d.reports[report.reportId] = { reporter: report.reporter, reason: report.reason, at: report.at };
        });
      }
      // Watched again if it had been unloaded as settled: the new report makes it active.
      this.o.opened(handle, existing);
      return;
    }
    const openedAt = this.o.now();
    const initial: ModerationCase = {
      schema: 'hearth-case/1',
      id: caseId,
      space,
      source,
      openedAt,
      item: plain(item),
      findings,
      reports: report === null ? {} : { [report.reportId]: { reporter: report.reporter, reason: report.reason, at: report.at } },
      decisions: {},
      notes: {},
      executions: {},
    };
    const handle = repo.create<ModerationCase>(initial);
    // Stored before it is recorded: a crash in between leaves an unreferenced document, never a
    // row that points at nothing.
    await repo.flush([handle.documentId]);
    const row: CaseRow = { caseId, documentId: handle.documentId, space, source, entryId: item.entryId, author: item.authorId, openedAt, item: plain(item), findings };
    await store.insert(row);
    // Announced only now: the share policy reads the row to decide who may see the case.
    repo.shareConfigChanged();
    this.o.log.info({ case: caseId, source, space }, 'moderation case opened');
    this.o.opened(handle, row);
  }

  /** The published item a report is about, found through the publication state. */
  private async reportedItem(target: string): Promise<CaseItem | null> {
    const record = await this.o.publications.get(target);
    if (record?.targetRoom == null) return null;
    return this.itemIn(record.targetRoom, target, record.owner, record.version);
  }

  /**
   * An item with no publication record (content imported or seeded into a space before records
   * existed), found in the space document itself. Why that is safe: the space document has one
   * writer, the relay, so its `authorId` is the relay's own word, not the reporter's.
   */
  private async publishedItem(target: string, space: string): Promise<CaseItem | null> {
    // Also this month's time bucket: an item published a moment ago in another pass has no record yet
    // (the record is saved after the document is written), and a new item is in this month's bucket.
    for (const room of [`space/${space}`, bucketRoomName(space, bucketKeyOf(this.o.now()))]) {
      if (!(await this.o.host.exists(room))) continue;
      const item = await this.itemIn(room, target, null, 0);
      if (item !== null) return item;
    }
    return null;
  }

  private async itemIn(room: string, target: string, owner: string | null, recordVersion: number): Promise<CaseItem | null> {
    const doc = await this.o.host.open(room);
    for (const name of ITEM_MAPS) {
      const value = doc.getMap<unknown>(name).get(target) as Record<string, unknown> | undefined;
      if (value === undefined || typeof value !== 'object') continue;
      const type = name === 'posts' ? 'post' : name === 'comments' ? 'comment' : name === 'messages' ? 'message' : 'reaction';
      const authorId = owner ?? (typeof value.authorId === 'string' ? value.authorId : null);
      if (authorId === null) return null;
      return {
        entryId: target,
        type,
        authorId,
        room,
        title: typeof value.title === 'string' ? value.title : null,
        body: typeof value.body === 'string' ? value.body : '',
        ...filesOf(value),
        version: typeof value.version === 'number' ? value.version : recordVersion,
        createdAt: typeof value.createdAt === 'number' ? value.createdAt : 0,
      };
    }
    return null;
  }
}

/** The files of an entry or published item as plain references; nothing when none (Automerge takes no undefined). */
function filesOf(item: object): { attachments?: AttachmentRef[] } {
  const files = attachmentsOf(item);
  return files.length === 0 ? {} : { attachments: files.map((f) => ({ hash: f.hash, name: f.name, mimeType: f.mimeType, bytes: f.bytes })) };
}

/** A post, comment or message entry as a case item (other entries open no case). */
function itemOfEntry(entry: OutboxEntry, author: string, version: number): CaseItem | null {
  if (entry.type !== 'post' && entry.type !== 'comment' && entry.type !== 'message') return null;
  return {
    entryId: entry.id,
    type: entry.type,
    authorId: author,
    room: entry.type === 'message' ? `dm/${entry.conversation}` : `space/${entry.space}`,
    title: entry.type === 'post' ? entry.title : null,
    body: entry.body,
    ...filesOf(entry),
    version,
    createdAt: entry.createdAt,
  };
}
