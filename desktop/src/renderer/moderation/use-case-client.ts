// The moderator's case client for the signed-in session: started when the directory says the person
// may review (a moderator, or a facilitator — by role or by a space's facilitators list), kept
// running in the background while they are signed in (so the cases are on the device before they go
// offline), and stopped at sign-out or when the right goes away. The review screen reads it here.
import { useEffect } from 'react';
import type { DirectoryRecord, SpaceMeta } from '@hearth/core';
import { observable } from '../data/observable.js';
import { useServices } from '../hooks/services-context.js';
import { useCatalogue, useDirectory } from '../hooks/use-data.js';
import { useObservable } from '../hooks/use-observable.js';
import { refreshToken, sessionState } from '../sync/session.js';
import type { CaseClient } from './case-client.js';

export type CaseClientState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'ready'; client: CaseClient }
  | { status: 'failed'; reason: string };

export const caseClientState = observable<CaseClientState>({ status: 'off' });

/** Whether `me` may review cases: the relay admits moderators and facilitators to `/automerge`. */
export function mayReview(me: string, directory: ReadonlyMap<string, DirectoryRecord>, spaces: readonly SpaceMeta[]): boolean {
  const roles: readonly string[] = directory.get(me)?.roles ?? [];
  return roles.includes('moderator') || roles.includes('facilitator') || spaces.some((s) => s.facilitators.includes(me));
}

/** Call once in the signed-in frame; answers whether the review pane is offered. */
export function useModerationSync(): boolean {
  const { me, session } = useServices();
  const allowed = mayReview(me, useDirectory(), useCatalogue());
  const current = useObservable(sessionState);
  const token = current.status === 'signed-in' ? current.session.token : session.token;

  useEffect(() => {
    if (!allowed) return;
    let client: CaseClient | null = null;
    let stopped = false;
    caseClientState.set({ status: 'loading' });
    const online = () => client?.setOnline(true);
    const offline = () => client?.setOnline(false);
    // Why a dynamic import: automerge-repo and Automerge stay in their own chunks, which only
    // moderators and facilitators load.
    import('./case-client.js')
      .then(({ CaseClient }) =>
        CaseClient.start({
      personId: me,
      relayUrl: session.relayUrl,
      token: latestToken(session.token),
      online: typeof navigator === 'undefined' ? true : navigator.onLine,
      onUnauthorized: () => void refreshToken(),
        }),
      )
      .then(
      (started) => {
        if (stopped) return void started.destroy();
        client = started;
        caseClientState.set({ status: 'ready', client });
        window.addEventListener('online', online);
        window.addEventListener('offline', offline);
      },
      (error: unknown) => {
        if (!stopped) caseClientState.set({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      stopped = true;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      void client?.destroy();
      caseClientState.set({ status: 'off' });
    };
    // The token changes without restarting the client (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, me, session.relayUrl]);

  const state = useObservable(caseClientState);
  useEffect(() => {
    if (state.status === 'ready') state.client.setToken(token);
  }, [state, token]);
  return allowed;
}

function latestToken(fallback: string): string {
  const s = sessionState.get();
  return s.status === 'signed-in' ? s.session.token : fallback;
}
