// Hooks for the end-to-end tests and the benchmark, installed only when the page is opened with
// `localStorage['hearth.testHooks'] = '1'`. They reach the app only through the same seams the
// screens use (core writes through the outbox tracker, the local database), and the seeding code is
// loaded on demand, so the production bundle carries only this small switch.
import type { Services } from './data/services.js';

let current: Services | null = null;

export function setTestServices(services: Services | null): void {
  current = services;
}

export interface HearthTestHooks {
  services(): Services | null;
  /** Write a post straight into the outbox, bypassing the composer's coaching. */
  writePostBypassingComposer(p: { space: string; title: string; body: string }): Promise<string>;
  /** Seed the local database with a published space of `posts` posts and `comments` comments. */
  seedSpace(p: { person: string; space: string; posts: number; comments: number }): Promise<void>;
  /** Time a search query in the worker (ms spent in the index, and round trip). */
  timeSearch(q: string): Promise<{ ms: number; roundTrip: number; total: number }>;
  /** Number of documents in the search index. */
  searchSize(): number;
}

declare global {
  interface Window {
    __hearth?: HearthTestHooks;
  }
}

function enabled(): boolean {
  try {
    return typeof window !== 'undefined' && localStorage.getItem('hearth.testHooks') === '1';
  } catch {
    return false;
  }
}

export function installTestHooks(): void {
  if (!enabled()) return;
  const need = () => {
    if (!current) throw new Error('not signed in');
    return current;
  };
  window.__hearth = {
    services: () => current,
    async writePostBypassingComposer(p) {
      const { writePost } = await import('@hearth/core');
      return need().outbox.commit((doc) => writePost(doc, { space: p.space, kind: 'discussion', title: p.title, body: p.body }));
    },
    async seedSpace(p) {
      const { seedSpace } = await import('./test-seed.js');
      await seedSpace(p);
    },
    async timeSearch(q) {
      const search = need().search;
      if (!search) throw new Error('no search worker');
      const started = performance.now();
      const answer = await search.query(q, 20);
      return { ms: answer.ms, roundTrip: performance.now() - started, total: answer.total };
    },
    searchSize: () => current?.search?.size.get() ?? 0,
  };
}
