// The app's side of the search worker: send sources, ask queries, get answers by id. A query that
// a newer one overtook is answered but ignored by the hook.
import { observable } from '../data/observable.js';
import type { FromWorker, SearchDoc, SearchHit, ToWorker } from './search-protocol.js';

export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  /** Time spent in the index, in milliseconds. */
  ms: number;
}

export class SearchClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: SearchAnswer) => void>();
  /** Number of indexed documents, for the search screen's "N items on this device". */
  readonly size = observable(0);

  constructor() {
    this.worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.type === 'indexed') this.size.set(msg.size);
      else {
        const resolve = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        resolve?.({ hits: msg.hits, total: msg.total, ms: msg.ms });
      }
    };
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  setSource(source: string, docs: SearchDoc[]): void {
    this.post({ type: 'source', source, docs });
  }

  dropSource(source: string): void {
    this.post({ type: 'drop', source });
  }

  query(q: string, limit = 50, similar?: string): Promise<SearchAnswer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'query', id, q, limit, ...(similar === undefined ? {} : { similar }) });
    });
  }

  destroy(): void {
    this.worker.terminate();
  }
}
