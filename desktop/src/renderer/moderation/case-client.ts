// A moderator's case files: an automerge-repo Repo whose storage is this device's Dexie case
// database and whose network is the relay's `/automerge` path. The relay announces every case file
// the person may see (all of them for a moderator, their spaces' for a facilitator) by syncing it;
// each one that arrives is remembered in `known`, so the next start opens it from IndexedDB even
// offline. Decisions and notes are written with the person's bound actor id (core's
// `moderatorActorId`: a prefix derived from the person, a random part per device), which the relay
// checks on every change; a decision names the current decisions it supersedes (core's
// `currentDecisionIds`), which is how disagreement made offline becomes a visible conflict.
import { clone, getActorId } from '@automerge/automerge/slim';
import { Repo, type DocHandle, type DocumentId, type PeerId } from '@automerge/automerge-repo/slim';
import { currentDecisionIds, moderatorActorId, type CaseAction, type ModerationCase } from '@hearth/core';
import { observable } from '../data/observable.js';
import { loadAutomerge } from './automerge-wasm.js';
import { CaseNetwork, type CaseNetworkOptions } from './case-network.js';
import { CaseDb, DexieStorageAdapter, caseDatabaseName } from './case-storage.js';

/** A case file as the screen sees it: plain data, with the document it lives in. */
export interface CaseFile {
  documentId: string;
  doc: ModerationCase;
}

export interface DecisionInput {
  action: CaseAction;
  note: string;
  role?: string | null;
}

export interface CaseClientOptions extends Omit<CaseNetworkOptions, 'onDocument'> {
  personId: string;
  /** Defaults to the person's own database. */
  dbName?: string;
}

const isCase = (doc: unknown): doc is ModerationCase => typeof doc === 'object' && doc !== null && (doc as { schema?: unknown }).schema === 'hearth-case/1';
const plain = (doc: unknown): ModerationCase => JSON.parse(JSON.stringify(doc)) as ModerationCase;
const randomHex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

export class CaseClient {
  /** Every case file this device holds, newest first. */
  readonly cases = observable<CaseFile[]>([]);
  private readonly files = new Map<string, CaseFile>();
  private readonly tracking = new Set<string>();
  private destroyed = false;
  private counter = 0;

  private constructor(
    private readonly db: CaseDb,
    private readonly repo: Repo,
    readonly network: CaseNetwork,
    readonly personId: string,
    private readonly actor: string,
  ) {}

  static async start(o: CaseClientOptions): Promise<CaseClient> {
    await loadAutomerge();
    const db = new CaseDb(o.dbName ?? caseDatabaseName(o.personId));
    // The device part of the actor id: random once per device, then kept, so one device's
    // changes stay one actor across restarts (the relay records each actor's first sighting).
    let device = (await db.meta.get('device'))?.value;
    if (device === undefined) {
      device = randomHex(16);
      await db.meta.put({ name: 'device', value: device });
    }
    let client: CaseClient | null = null;
    const network = new CaseNetwork({ ...o, onDocument: (id) => client?.track(id) });
    const repo = new Repo({
      storage: new DexieStorageAdapter(db),
      network: [network],
      peerId: `${o.personId}-${device}` as PeerId,
      // The only peer is the relay, which decides what each moderator may see.
      sharePolicy: () => Promise.resolve(true),
    });
    client = new CaseClient(db, repo, network, o.personId, moderatorActorId(o.personId, device));
    for (const known of await db.known.toArray()) client.track(known.documentId);
    return client;
  }

  /** The case file in `documentId`, once it is ready; remembered for offline starts. */
  track(documentId: string): void {
    if (this.destroyed || this.tracking.has(documentId)) return;
    this.tracking.add(documentId);
    this.repo
      .find<ModerationCase>(documentId as DocumentId)
      .then(async (handle) => {
        if (this.destroyed) return;
        handle.on('change', () => this.refresh(handle));
        this.refresh(handle);
        if (isCase(handle.doc())) await this.db.known.put({ documentId, firstSeen: Date.now() });
      })
      .catch(() => {
        // Unavailable (offline and never stored, or no longer shared): asked again when announced.
        this.tracking.delete(documentId);
      });
  }

  /** Writes a decision as this person; it supersedes the decisions now current. Returns its id. */
  decide(documentId: string, input: DecisionInput): string {
    const id = this.newId();
    this.write(documentId, (d, current) => {
      const supersedes = currentDecisionIds(current);
      d.decisions[id] = { id, by: this.personId, at: Date.now(), action: input.action, note: input.note.trim(), role: input.role ?? null, supersedes };
    });
    return id;
  }

  /** A note for the other moderators: never carried out, never in conflict. */
  note(documentId: string, text: string): string {
    const id = this.newId();
    this.write(documentId, (d) => {
      d.notes[id] = { by: this.personId, at: Date.now(), text: text.trim() };
    });
    return id;
  }

  setToken(token: string): void {
    this.network.setToken(token);
  }

  setOnline(online: boolean): void {
    this.network.setOnline(online);
  }

  /** Resolves once local changes are in IndexedDB. */
  flush(): Promise<void> {
    return this.repo.flush();
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    await this.repo.shutdown().catch(() => undefined);
    this.db.close();
  }

  private write(documentId: string, fn: (d: ModerationCase, current: ModerationCase) => void): void {
    const handle = this.repo.handles[documentId as DocumentId] as DocHandle<ModerationCase> | undefined;
    if (handle === undefined || !handle.isReady()) throw new Error(`case file ${documentId} is not open`);
    // Why re-bind before every write: a document loaded from storage or received from the relay
    // carries a random actor; the relay refuses changes by an actor that is not this person's.
    handle.update((doc) => (getActorId(doc) === this.actor ? doc : clone(doc, { actor: this.actor })));
    const current = plain(handle.doc());
    handle.change((d) => fn(d, current));
  }

  private refresh(handle: DocHandle<ModerationCase>): void {
    const doc = handle.doc();
    if (!isCase(doc)) return;
    this.files.set(handle.documentId, { documentId: handle.documentId, doc: plain(doc) });
    this.cases.set([...this.files.values()].sort((a, b) => b.doc.openedAt - a.doc.openedAt));
  }

  private newId(): string {
    return `${this.personId}-${Date.now().toString(36)}-${(this.counter++).toString(36)}${randomHex(2)}`;
  }
}
