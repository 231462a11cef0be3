// Asks the relay for the figures (GET /api/figures, docs/protocol.md "Figures endpoint") with the
// session's token. The relay decides who sees what; the app only shows its answer or its refusal.
import { figuresReportSchema, type FiguresReport } from '@hearth/core';
import { useEffect, useState } from 'react';
import { useSession } from '../hooks/use-session.js';
import { httpBase } from '../sync/relay-url.js';

export type FiguresState =
  | { status: 'loading' }
  | { status: 'ok'; report: FiguresReport }
  | { status: 'refused'; message: string }
  | { status: 'unreachable' };

export function useFigures(days: number, space: string | null, attempt: number): FiguresState {
  const session = useSession();
  const signedIn = session.status === 'signed-in' ? session.session : null;
  const [state, setState] = useState<FiguresState>({ status: 'loading' });
  const relayUrl = signedIn?.relayUrl;
  const token = signedIn?.token;
  useEffect(() => {
    if (relayUrl === undefined || token === undefined) return;
    const abort = new AbortController();
    setState({ status: 'loading' });
    const query = new URLSearchParams({ days: String(days), ...(space === null ? {} : { space }) });
    void (async () => {
      try {
        const res = await fetch(`${httpBase(relayUrl)}/api/figures?${query.toString()}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
        const body = (await res.json()) as unknown;
        if (res.status === 403 || res.status === 401) return setState({ status: 'refused', message: (body as { error?: string }).error ?? '' });
        const parsed = figuresReportSchema.safeParse(body);
        setState(res.ok && parsed.success ? { status: 'ok', report: parsed.data } : { status: 'unreachable' });
      } catch {
        if (!abort.signal.aborted) setState({ status: 'unreachable' });
      }
    })();
    return () => abort.abort();
  }, [relayUrl, token, days, space, attempt]);
  return state;
}
