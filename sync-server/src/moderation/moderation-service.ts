// Moderation cases on the relay, wired together: an automerge-repo Repo whose storage is the
// relay's SQLite (case-storage.ts) and whose only network is the authenticated `/automerge`
// sockets (case-network.ts, screened by actor-check.ts); the opener the publication pipeline calls;
// the executor that carries decisions out. Who sees what is the repo's share config: a moderator
// gets every case file, a facilitator those of the spaces they facilitate, anyone else nothing —
// the relay neither announces nor serves another document to them, and refuses their changes to it.
import type { DocHandle, DocumentId, PeerId } from '@automerge/automerge-repo';
import { Repo } from '@automerge/automerge-repo';
import type Database from 'better-sqlite3';
import type { WebSocket } from 'ws';
import { DIRECTORY_PEOPLE, META, type ModerationCase } from '@hearth/core';
import type { AuditJournal } from '../audit/journal.js';
import type { Logger } from '../log.js';
import { PublicationStore } from '../publication/publication-store.js';
import type { DocHost } from '../rooms/doc-host.js';
import { actorCheck } from './actor-check.js';
import { CaseExecutor } from './case-executor.js';
import { CaseNetworkAdapter } from './case-network.js';
import { CaseOpener, type ReportEvent, type ReviewEvent } from './case-opener.js';
import { CaseStore } from './case-store.js';
import { SqliteCaseStorage } from './case-storage.js';

export interface ModerationOptions {
  host: DocHost;
  db: Database.Database;
  log: Logger;
  journal?: AuditJournal;
  now?: () => number;
  /** How long a decision waits on the relay before it is carried out (default 1500 ms). */
  settleMs?: number;
}

export interface ModerationService {
  /** Publisher hooks: a hold or flag, and a report, open (or join) a case. */
  onReview(review: ReviewEvent): Promise<void>;
  onReport(report: ReportEvent): Promise<void>;
  /** Whether `person` may open `/automerge` at all: active moderators and facilitators. */
  mayConnect(person: string): Promise<boolean>;
  /** Decides again which connected peer may see which case (after a directory change). */
  recheckAccess(): void;
  /** Hands an authenticated socket of `person` to the repo. */
  accept(ws: WebSocket, person: string, early: Uint8Array[]): void;
  /** The case rows (for tests and tools). */
  readonly store: CaseStore;
  /** The relay's copy of a case file, as plain data, or null. */
  read(caseId: string): ModerationCase | null;
  /** Resolves when opening and carrying out have caught up. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface PersonFacts {
  active: boolean;
  roles: string[];
}

export async function startModeration(o: ModerationOptions): Promise<ModerationService> {
  const now = o.now ?? Date.now;
  const store = new CaseStore(o.db);
  const publications = new PublicationStore(o.db);
  let repo: Repo | null = null;
  const network = new CaseNetworkAdapter(
    actorCheck({
      docOf: (id) => {
        const handle = repo?.handles[id];
        return handle?.isReady() === true ? handle.doc() : undefined;
      },
      onActor: (actor, person) => store.noteActor(actor, person, now()),
    }),
    o.log,
  );

  const person = async (id: string): Promise<PersonFacts> => {
    const record = (await o.host.open('directory')).getMap<unknown>(DIRECTORY_PEOPLE).get(id) as { status?: unknown; roles?: unknown } | undefined;
    const roles = Array.isArray(record?.roles) ? record.roles.filter((r): r is string => typeof r === 'string') : [];
    return { active: record?.status === 'active', roles };
  };
  const facilitates = async (id: string, space: string | null): Promise<boolean> => {
    if (space === null || !(await o.host.exists(`space/${space}`))) return false;
    const facilitators = (await o.host.open(`space/${space}`)).getMap<unknown>(META).get('facilitators');
    return Array.isArray(facilitators) && facilitators.includes(id);
  };
  const access = async (peerId: PeerId, documentId?: DocumentId): Promise<boolean> => {
    const who = network.personOf(peerId);
    const row = documentId === undefined ? null : store.byDocumentId(documentId);
    if (who === null || row === null) return false;
    const facts = await person(who);
    if (!facts.active) return false;
    return facts.roles.includes('moderator') || (facts.roles.includes('facilitator') && (await facilitates(who, row.space)));
  };

  repo = new Repo({
    storage: new SqliteCaseStorage(o.db),
    network: [network],
    peerId: 'hearth-relay' as PeerId,
    isEphemeral: false,
    shareConfig: { announce: access, access },
    saveDebounceRate: 20,
  });
  const executor = new CaseExecutor({ host: o.host, store, publications, journal: o.journal, log: o.log, now, settleMs: o.settleMs ?? 1500 });
  const opener = new CaseOpener({ repo, store, publications, host: o.host, log: o.log, now, opened: (handle, row) => executor.watch(handle, row) });

  // Every case file is loaded, watched and announced: decisions made while the relay was down (or
  // recorded but not carried out before it stopped) are carried out now.
  for (const row of store.all()) {
    try {
      const handle = await repo.find<ModerationCase>(row.documentId as DocumentId);
      executor.watch(handle as DocHandle<ModerationCase>, row);
    } catch (err) {
      o.log.error({ err, case: row.caseId }, 'moderation case file could not be loaded');
    }
  }

  const r = repo;
  return {
    store,
    read: (caseId) => {
      const row = store.get(caseId);
      const handle = row === null ? undefined : r.handles[row.documentId as DocumentId];
      return handle?.isReady() === true ? (JSON.parse(JSON.stringify(handle.doc())) as ModerationCase) : null;
    },
    onReview: (review) => opener.review(review),
    onReport: (report) => opener.report(report),
    mayConnect: async (id) => {
      const facts = await person(id);
      return facts.active && (facts.roles.includes('moderator') || facts.roles.includes('facilitator'));
    },
    accept: (ws, id, early) => network.accept(ws, id, early),
    recheckAccess: () => r.shareConfigChanged(),
    idle: async () => {
      await opener.idle();
      await executor.idle();
    },
    stop: async () => {
      network.disconnect();
      await opener.idle();
      await executor.stop();
      await r.flush();
      await r.shutdown();
    },
  };
}
