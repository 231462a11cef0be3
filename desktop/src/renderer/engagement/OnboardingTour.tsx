// The first-run tour: what Hearth is for, the behaviour policy in plain words (the policy's own
// rule names and guidance), spaces suggested by department and location, and last the policy
// acknowledgement. A native modal <dialog>: focus stays inside, Escape closes it for now ("Later"),
// the rest of the app is inert meanwhile. It resumes at the step reached, and can be skipped.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { readOutbox, suggestSpaces, type SpaceSuggestion } from '@hearth/core';
import { summarisePolicy } from '../components/policy-summary.js';
import { membershipState } from '../data/membership.js';
import { useServices } from '../hooks/services-context.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useDirectory, useInbox, useOutbox, usePolicy } from '../hooks/use-data.js';
import { usePolicyGate } from '../hooks/use-policy-gate.js';
import { useStrings } from '../i18n/index.js';
import { tourText as t } from './tour-strings.js';
import { hasTour, readTour, tourDisabled, writeTour, type TourState } from './tour-state.js';
import { useRoomView } from '../hooks/use-room.js';
import type * as Y from 'yjs';
import './engagement.css';

const STEPS = 4;

const outboxEntriesView = (doc: Y.Doc) => readOutbox(doc);

export function OnboardingTour() {
  const { me } = useServices();
  const [state, setState] = useState<TourState | null>(() => readTour(me));
  const [later, setLater] = useState(false);
  const outbox = useRoomView(`outbox/${me}`, outboxEntriesView);
  const save = (next: TourState) => {
    writeTour(me, next);
    setState(next);
  };
  // A tour never started on this device waits for the person's outbox from the relay: someone who
  // already accepted the policy (on another device) is no newcomer, and is not shown it.
  const fresh = state !== null && state.status === 'open' && state.step === 0 && !hasTour(me);
  const returning = fresh && outbox.status.synced && outbox.view.some((e) => e.type === 'ack');
  useEffect(() => {
    if (returning) save({ step: 0, status: 'done' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the outbox says so
  }, [returning]);
  if (state === null || tourDisabled() || state.status !== 'open' || later || returning) return null;
  if (fresh && !outbox.status.synced) return null;
  return <TourDialog step={Math.min(state.step, STEPS - 1)} onStep={(step) => save({ step, status: 'open' })} onEnd={(status) => save({ step: state.step, status })} onLater={() => setLater(true)} />;
}

function TourDialog({ step, onStep, onEnd, onLater }: { step: number; onStep: (n: number) => void; onEnd: (s: 'done' | 'skipped') => void; onLater: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  // Each step moves focus to its heading, so a screen reader reads the new step from its start.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);
  const title = [t.welcome.title, t.policy.title, t.spaces.title, t.accept.title][step]!;
  return (
    <dialog
      ref={dialog}
      className="tour"
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        onLater();
      }}
    >
      <p className="tour-progress">{t.progress(step + 1, STEPS)}</p>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div className="tour-body">
        {step === 0 && <Welcome />}
        {step === 1 && <PolicyInWords />}
        {step === 2 && <SuggestedSpaces />}
        {step === 3 && <Accept onFinish={() => onEnd('done')} />}
      </div>
      <div className="form-actions tour-actions">
        {step > 0 && (
          <button type="button" className="button-quiet" onClick={() => onStep(step - 1)}>
            {t.back}
          </button>
        )}
        {step < STEPS - 1 && (
          <button type="button" className="button-primary" onClick={() => onStep(step + 1)}>
            {t.next}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onLater}>
          {t.later}
        </button>
        <button type="button" className="button-quiet" onClick={() => onEnd('skipped')}>
          {t.skip}
        </button>
      </div>
    </dialog>
  );
}

function Welcome() {
  return (
    <>
      {t.welcome.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </>
  );
}

function PolicyInWords() {
  const s = useStrings();
  const policy = usePolicy();
  const summary = useMemo(() => (policy ? summarisePolicy(policy, s) : null), [policy, s]);
  if (summary === null) return <p>{t.policy.loading}</p>;
  return (
    <>
      <p>{t.policy.intro(summary.title)}</p>
      <dl className="tour-rules">
        {summary.rules.map((r) => (
          <div key={r.id}>
            <dt>{r.name}</dt>
            <dd>{r.guidance || r.description}</dd>
          </div>
        ))}
      </dl>
      <p>{t.policy.asYouType}</p>
    </>
  );
}

function SuggestedSpaces() {
  const { me } = useServices();
  const directory = useDirectory();
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const outbox = useOutbox();
  const actions = useActions();
  const record = directory.get(me);
  // Computed once per visit of the step: a space one joins here stays listed (as joined).
  const [suggestions] = useState<SpaceSuggestion[]>(() => (record ? suggestSpaces(catalogue, record, inbox.memberships) : []));
  if (suggestions.length === 0) return <p>{t.spaces.none}</p>;
  return (
    <>
      <p>{t.spaces.intro(record?.department ?? '', record?.location ?? '')}</p>
      <ul className="tour-spaces">
        {suggestions.map(({ space, reason }) => {
          const state = membershipState(space.id, space.visibility, me, inbox, outbox);
          const member = state.kind === 'member';
          const waiting = state.kind === 'pending';
          return (
            <li key={space.id}>
              <strong>{space.name}</strong> <span className="field-help">({t.spaces.reason[reason]})</span>
              <p className="field-help">{space.description}</p>
              {member ? (
                <span className="mark">{t.spaces.joined}</span>
              ) : waiting ? (
                <span className="mark">{t.spaces.requested}</span>
              ) : (
                <button type="button" className="button-quiet" onClick={() => void actions.join(space.id)} aria-label={t.spaces.joinLabel(space.name, space.visibility === 'private')}>
                  {space.visibility === 'private' ? t.spaces.ask : t.spaces.join}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Accept({ onFinish }: { onFinish: () => void }) {
  const gate = usePolicyGate();
  const [busy, setBusy] = useState(false);
  if (gate.version === null) return <p>{t.policy.loading}</p>;
  if (!gate.needed) {
    return (
      <>
        <p>{t.accept.done(gate.version)}</p>
        <button type="button" className="button-primary" onClick={onFinish}>
          {t.finish}
        </button>
      </>
    );
  }
  return (
    <>
      <p>{t.accept.intro(gate.version)}</p>
      <button
        type="button"
        className="button-primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void gate.acknowledge().finally(() => setBusy(false));
        }}
      >
        {t.accept.button}
      </button>
    </>
  );
}
