// Sign-in. On a demo relay: pick a person from /api/demo/people. Otherwise: paste a token (the
// production app signs in through the company IdP in the main process). The relay address is
// remembered; by default it is the server that served this page.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { defaultRelayUrl, rememberedRelayUrl } from '../sync/relay-url.js';
import { fetchDemoPeople, type DemoPerson } from '../sync/tokens.js';
import { signInDemo, signInWithToken, tokenSubject } from '../sync/session.js';
import { text } from './strings.js';

export function SignInScreen({ expired }: { expired: boolean }) {
  const id = useId();
  const [relay, setRelay] = useState(() => rememberedRelayUrl() ?? defaultRelayUrl());
  const [people, setPeople] = useState<DemoPerson[] | null | 'none'>(null);
  const [token, setToken] = useState('');
  const [person, setPerson] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    setPeople(null);
    const timer = setTimeout(() => {
      fetchDemoPeople(relay, ctl.signal).then(
        (list) => setPeople(list.length > 0 ? list : 'none'),
        () => !ctl.signal.aborted && setPeople('none'),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [relay]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(text.signIn.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    const who = person.trim() || tokenSubject(token) || '';
    void run(() => signInWithToken(relay, who, token));
  };

  return (
    <main className="sign-in" id="main">
      <h1>{text.signIn.title}</h1>
      {expired && <p role="alert">{text.signIn.expired}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <div className="field">
        <label htmlFor={`${id}-relay`}>{text.signIn.relay}</label>
        <input id={`${id}-relay`} value={relay} onChange={(e) => setRelay(e.currentTarget.value)} aria-describedby={`${id}-relay-hint`} />
        <p id={`${id}-relay-hint`} className="hint">{text.signIn.relayHint}</p>
      </div>
      {people === null && <p aria-live="polite">{text.signIn.loadingPeople}</p>}
      {Array.isArray(people) && (
        <section aria-labelledby={`${id}-demo`}>
          <h2 id={`${id}-demo`}>{text.signIn.demoPeople}</h2>
          <ul className="demo-people">
            {people.map((p) => (
              <li key={p.id}>
                <button type="button" disabled={busy} data-person={p.id} onClick={() => void run(() => signInDemo(relay, p.id))}>
                  <span className="demo-name">{p.name}</span>
                  {p.title && <span className="demo-title">{p.title}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {people === 'none' && (
        <form onSubmit={submitToken}>
          <p>{text.signIn.noDemo}</p>
          <div className="field">
            <label htmlFor={`${id}-token`}>{text.signIn.token}</label>
            <textarea id={`${id}-token`} value={token} onChange={(e) => setToken(e.currentTarget.value)} rows={3} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-person`}>{text.signIn.person}</label>
            <input id={`${id}-person`} value={person} onChange={(e) => setPerson(e.currentTarget.value)} />
          </div>
          <button type="submit" disabled={busy || token.trim() === ''}>
            {text.signIn.submit}
          </button>
        </form>
      )}
    </main>
  );
}
