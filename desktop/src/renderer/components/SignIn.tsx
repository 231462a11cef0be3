// The sign-in screen. In the embedded (demo) setup people pick who they are from the directory, or
// paste a token the relay minted; with a company identity provider they use their company account.
// The relay address can be typed unless IT configured it by machine policy.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { DirectoryRecord, PersonId } from '@hearth/core';
import type { NameOf } from './types.js';
import { initials } from './PostCard.js';
import { useStrings } from '../i18n/index.js';

export interface SignInProps {
  /** Directory people offered in the demo list; leave empty to hide the list. */
  people: readonly DirectoryRecord[];
  nameOf: NameOf;
  /** The relay address to start with. */
  relayUrl: string;
  /** The address comes from machine policy: show it, do not let it be changed. */
  relayLocked?: boolean;
  onChoosePerson: (personId: PersonId, relayUrl: string) => void;
  onToken: (token: string, relayUrl: string) => void;
  /** Offer "Sign in with your company account" (OpenID Connect through the system browser). */
  onCompanySignIn?: (relayUrl: string) => void;
  busy?: boolean;
  /** What went wrong with the last attempt, in plain words. */
  error?: string | null;
}

export function SignIn({
  people,
  nameOf,
  relayUrl: initialRelay,
  relayLocked = false,
  onChoosePerson,
  onToken,
  onCompanySignIn,
  busy = false,
  error,
}: SignInProps) {
  const s = useStrings();
  const id = useId();
  const [typed, setRelay] = useState(initialRelay);
  // A locked address is IT's: whatever the field state, sign-in uses the address policy gave.
  const relay = relayLocked ? initialRelay : typed;
  const [token, setToken] = useState('');
  const [filter, setFilter] = useState('');
  const relayValid = /^(https?|wss?):\/\/[^\s/]+/i.test(relay.trim());

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return people
      .filter((p) => p.status === 'active')
      .filter((p) => q === '' || `${nameOf(p.id)} ${p.title} ${p.department}`.toLowerCase().includes(q))
      .sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id), s.locale));
  }, [people, filter, nameOf, s.locale]);

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== '' && relayValid) onToken(token.trim(), relay.trim());
  };

  return (
    <main className="sign-in" id="main" aria-busy={busy}>
      <h1>{s.t('signIn.title')}</h1>
      <p className="sign-in-lead">{s.t('signIn.lead')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-relay`}>{s.t('signIn.relay')}</label>
        <input
          id={`${id}-relay`}
          type="url"
          value={relay}
          readOnly={relayLocked}
          aria-describedby={`${id}-relay-help`}
          aria-invalid={!relayValid}
          onChange={relayLocked ? undefined : (e) => setRelay(e.currentTarget.value)}
        />
        <p id={`${id}-relay-help`} className={relayLocked ? 'field-help field-managed' : 'field-help'}>
          {relayLocked ? s.t('signIn.relayLocked') : relayValid ? s.t('signIn.relayHelp') : s.t('signIn.relayInvalid')}
        </p>
      </div>

      {onCompanySignIn && (
        <section className="sign-in-section" aria-labelledby={`${id}-company`}>
          <h2 id={`${id}-company`}>{s.t('signIn.companyTitle')}</h2>
          <button
            type="button"
            className="button-primary"
            disabled={busy || !relayValid}
            onClick={() => onCompanySignIn(relay.trim())}
          >
            {s.t('signIn.company')}
          </button>
        </section>
      )}

      {people.length > 0 && (
        <section className="sign-in-section" aria-labelledby={`${id}-demo`}>
          <h2 id={`${id}-demo`}>{s.t('signIn.demoTitle')}</h2>
          <p className="field-help">{s.t('signIn.demoHelp')}</p>
          <div className="field">
            <label htmlFor={`${id}-filter`}>{s.t('signIn.filter')}</label>
            <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          </div>
          <p className="visually-hidden" role="status">
            {s.t('people.count', { count: shown.length })}
          </p>
          <ul className="person-pick-list">
            {shown.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="person-pick"
                  disabled={busy || !relayValid}
                  onClick={() => onChoosePerson(person.id, relay.trim())}
                >
                  <span className="avatar" aria-hidden="true">
                    {initials(nameOf(person.id))}
                  </span>
                  <span className="person-pick-text">
                    <span className="person-pick-name">{nameOf(person.id)}</span>
                    <span className="person-pick-title">
                      {person.title}, {person.department}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="sign-in-section" aria-labelledby={`${id}-token`}>
        <h2 id={`${id}-token`}>{s.t('signIn.tokenTitle')}</h2>
        <form onSubmit={submitToken}>
          <div className="field">
            <label htmlFor={`${id}-token-input`}>{s.t('signIn.token')}</label>
            <textarea
              id={`${id}-token-input`}
              rows={3}
              value={token}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-token-help`}
              onChange={(e) => setToken(e.currentTarget.value)}
            />
            <p id={`${id}-token-help`} className="field-help">
              {s.t('signIn.tokenHelp')}
            </p>
          </div>
          <button type="submit" className="button-primary" disabled={busy || token.trim() === '' || !relayValid}>
            {s.t('signIn.tokenSubmit')}
          </button>
        </form>
      </section>
      <p className="field-help">{s.t('people.namesFromDirectory')}</p>
    </main>
  );
}
