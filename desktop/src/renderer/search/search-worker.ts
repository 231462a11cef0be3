// The search worker: owns the index so typing never waits for indexing on the main thread.
/// <reference lib="webworker" />
import { SearchIndex } from './search-index.js';
import type { FromWorker, ToWorker } from './search-protocol.js';

const index = new SearchIndex();
const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };

scope.onmessage = (event) => {
  try {
    handle(event.data);
  } catch (error) {
    // One bad message must not stop the index: say so where developers look, keep serving.
    console.error('search worker:', error);
  }
};

function handle(msg: ToWorker): void {
  if (msg.type === 'source') {
    index.replaceSource(msg.source, msg.docs);
    scope.postMessage({ type: 'indexed', size: index.size });
  } else if (msg.type === 'drop') {
    index.dropSource(msg.source);
  } else {
    const started = performance.now();
    const { hits, total } = msg.similar === undefined ? index.query(msg.q, msg.limit) : index.similar(msg.q, msg.similar, msg.limit);
    scope.postMessage({ type: 'results', id: msg.id, hits, total, ms: performance.now() - started });
  }
}
