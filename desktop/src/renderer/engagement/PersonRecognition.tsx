// On a person's page, where recognition is on for both the viewer and the person: their badges, the
// kudos they received, and a form to give them kudos (behind the policy acknowledgement).
import { useId, useMemo, useState } from 'react';
import { ENGAGEMENT_LIMITS, kudosFor } from '@hearth/core';
import { useServices } from '../hooks/services-context.js';
import { useCatalogue, useNameOf, useOutbox, usePolicy } from '../hooks/use-data.js';
import { judge } from '../data/policy.js';
import { PolicyGate } from '../screens/PolicyGate.js';
import { BadgeList, KudosList } from './RecognitionParts.js';
import { engagementText as t } from './strings.js';
import { useEngagementActions, useRecognition } from './use-engagement.js';

export function PersonRecognition({ personId }: { personId: string }) {
  const { me } = useServices();
  const { on, onFor, view } = useRecognition();
  const nameOf = useNameOf();
  const catalogue = useCatalogue();
  const actions = useEngagementActions();
  const outbox = useOutbox();
  const withdrawable = useMemo(() => new Set(outbox.flatMap((e) => (e.type === 'kudos' && !e.retracted ? [e.id] : []))), [outbox]);
  const ids = { badges: useId(), kudos: useId(), give: useId(), message: useId(), space: useId() };
  if (!on || !onFor(personId)) return null;
  const name = nameOf(personId);
  const badges = view.badges.filter((b) => b.person === personId);
  const kudos = kudosFor(view, personId);
  const spaceNameOf = (id: string) => catalogue.find((s) => s.id === id)?.name ?? id;
  return (
    <div className="person-recognition">
      {badges.length > 0 && (
        <section aria-labelledby={ids.badges}>
          <h2 id={ids.badges}>{t.person.badges(name)}</h2>
          <BadgeList badges={badges} spaceNameOf={spaceNameOf} />
        </section>
      )}
      <section aria-labelledby={ids.kudos}>
        <h2 id={ids.kudos}>{t.person.kudos(name)}</h2>
        {kudos.length === 0 ? <p className="empty">{t.person.noKudos}</p> : <KudosList kudos={kudos} nameOf={nameOf} withdrawable={withdrawable} onWithdraw={(id) => void actions.retract([id])} />}
      </section>
      {personId !== me && (
        <section aria-labelledby={ids.give}>
          <h2 id={ids.give}>{t.person.give(name)}</h2>
          <PolicyGate>
            <KudosForm to={personId} ids={ids} spaces={catalogue.filter((s) => s.visibility === 'public').map((s) => ({ id: s.id, name: s.name }))} />
          </PolicyGate>
        </section>
      )}
    </div>
  );
}

function KudosForm({ to, ids, spaces }: { to: string; ids: { message: string; space: string }; spaces: { id: string; name: string }[] }) {
  const actions = useEngagementActions();
  const [message, setMessage] = useState('');
  const [space, setSpace] = useState('');
  const [sent, setSent] = useState(false);
  const policy = usePolicy();
  const tooLong = message.length > ENGAGEMENT_LIMITS.kudosMessageChars;
  // The same check the relay makes, as the author types (the posting rate left out: kudos have their own limit).
  const verdict = useMemo(() => (message.trim() === '' ? null : judge(policy, { body: message, space: space === '' ? null : space })), [policy, message, space]);
  const findings = verdict?.findings.filter((f) => f.severity !== 'allow') ?? [];
  const blocked = verdict?.action === 'hold' || verdict?.action === 'reject';
  return (
    <form
      className="kudos-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (message.trim() === '' || tooLong || blocked) return;
        void actions.kudos({ to, message: message.trim(), space: space === '' ? null : space }).then(() => {
          setMessage('');
          setSent(true);
        });
      }}
    >
      <div className="field">
        <label htmlFor={ids.message}>{t.person.message}</label>
        <textarea id={ids.message} value={message} rows={3} aria-describedby={`${ids.message}-help`} aria-invalid={tooLong || undefined} onChange={(e) => { setMessage(e.currentTarget.value); setSent(false); }} />
        <p id={`${ids.message}-help`} className="field-help">
          {t.person.messageHelp} {message.length}/{ENGAGEMENT_LIMITS.kudosMessageChars}
        </p>
        {findings.length > 0 && (
          <ul className="kudos-findings" aria-live="polite">
            {findings.map((f, i) => (
              <li key={`${f.rule}-${i}`} className={f.severity === 'hold' || f.severity === 'reject' ? 'form-error' : 'field-help'}>
                {f.message} {f.guidance}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.space}>{t.person.space}</label>
        <select id={ids.space} value={space} onChange={(e) => setSpace(e.currentTarget.value)}>
          <option value="">{t.person.noSpace}</option>
          {spaces.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={message.trim() === '' || tooLong || blocked}>
          {t.person.send}
        </button>
      </div>
      <p role="status" className="field-help">{sent ? t.person.sent : ''}</p>
    </form>
  );
}
