import { useObservable } from './use-observable.js';
import { sessionState, type SessionState } from '../sync/session.js';

export function useSession(): SessionState {
  return useObservable(sessionState);
}
