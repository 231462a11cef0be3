// The root: restores the session, then shows sign-in or the signed-in app.
import { useEffect } from 'react';
import { restoreSession } from '../sync/session.js';
import { useSession } from '../hooks/use-session.js';
import { SignInScreen } from './SignInScreen.js';
import { SignedInApp } from './SignedInApp.js';

export function App() {
  const state = useSession();
  useEffect(() => {
    void restoreSession();
  }, []);
  if (state.status === 'loading') return null;
  if (state.status === 'signed-out') return <SignInScreen expired={state.reason === 'expired'} />;
  return <SignedInApp session={state.session} />;
}
