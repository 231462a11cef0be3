// Sign-in, wired to the UI engineer's SignIn. On a demo relay the people come from
// /api/demo/people; otherwise a token is pasted (the production app signs in through the company
// IdP in the main process). The relay address is remembered; by default it is this page's server.
// Machine policy comes first: a relay address IT set is where the field starts, and a locked one
// cannot be changed (precedence: policy, then the person's remembered address, then the default).
import { useEffect, useMemo, useState } from 'react';
import { displayName } from '@hearth/core';
import type { DirectoryRecord } from '@hearth/core';
import { SignIn } from '../components/SignIn.js';
import { defaultRelayUrl, rememberedRelayUrl } from '../sync/relay-url.js';
import { fetchDemoPeople } from '../sync/tokens.js';
import { fetchCompanyConfig, startCompanySignIn, type CompanyConfig } from '../sync/company-sign-in.js';
import { signInDemo, signInProblem, signInWithCompany, signInWithToken, tokenSubject } from '../sync/session.js';
import { useManagedRelay } from '../hooks/use-managed-relay.js';
import { text } from './strings.js';

export function SignInScreen({ expired }: { expired: boolean }) {
  const { kind, config, companySignIn } = useManagedRelay();
  if (config === null) return null;
  const managed = config.relayUrl;
  const locked = managed !== undefined && config.relayLocked === true;
  // Electron loads from app://hearth, which is no relay: there the field starts empty without policy.
  const relay = locked ? managed : (managed ?? rememberedRelayUrl() ?? (kind === 'web' ? defaultRelayUrl() : ''));
  return <SignInWithRelay expired={expired} relay={relay} relayLocked={locked} companySignIn={companySignIn} web={kind === 'web'} />;
}

interface SignInWithRelayProps {
  expired: boolean;
  relay: string;
  relayLocked: boolean;
  companySignIn: boolean;
  /** The web client: company sign-in runs in this page, with the provider the relay names. */
  web: boolean;
}

function SignInWithRelay({ expired, relay, relayLocked, companySignIn, web }: SignInWithRelayProps) {
  const [people, setPeople] = useState<DirectoryRecord[]>([]);
  const [company, setCompany] = useState<CompanyConfig | null>(null);
  // A company sign-in that came back refused says why here, once.
  const [error, setError] = useState<string | null>(() => signInProblem.get() ?? (expired ? text.signIn.expired : null));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    signInProblem.set(null);
  }, []);

  useEffect(() => {
    if (relay === '') return;
    const ctl = new AbortController();
    fetchDemoPeople(relay, ctl.signal).then(setPeople, () => setPeople([]));
    if (web) void fetchCompanyConfig(relay, ctl.signal).then(setCompany);
    return () => ctl.abort();
  }, [relay, web]);

  const onCompanySignIn = companySignIn
    ? (relayUrl: string) => void run(() => signInWithCompany(relayUrl))
    : web && company !== null
      ? (relayUrl: string) => void run(() => startCompanySignIn(relayUrl, company))
      : undefined;

  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const nameOf = (id: string) => {
    const record = byId.get(id);
    return record ? displayName(record) : id;
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(navigator.onLine ? text.signIn.failed(e instanceof Error ? e.message : String(e)) : text.signIn.offline);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SignIn
      people={people}
      nameOf={nameOf}
      relayUrl={relay}
      relayLocked={relayLocked}
      busy={busy}
      error={error}
      onChoosePerson={(person, relayUrl) => void run(() => signInDemo(relayUrl, person))}
      onToken={(token, relayUrl) => void run(() => signInWithToken(relayUrl, tokenSubject(token) ?? '', token))}
      {...(onCompanySignIn === undefined ? {} : { onCompanySignIn })}
    />
  );
}
