// The Recognition page (only where recognition is on): the badge rules as the relay applies them,
// the person's badges and kudos, and their consent to show kudos in spaces.
import { useId, useState } from 'react';
import { BADGE_RULES, kudosFor } from '@hearth/core';
import { useServices } from '../hooks/services-context.js';
import { useCatalogue, useNameOf, useOutbox } from '../hooks/use-data.js';
import { BadgeList, KudosList } from './RecognitionParts.js';
import { engagementText as t } from './strings.js';
import { useEngagementActions, useRecognition } from './use-engagement.js';

export function RecognitionScreen() {
  const { me } = useServices();
  const { view } = useRecognition();
  const nameOf = useNameOf();
  const catalogue = useCatalogue();
  const outbox = useOutbox();
  const actions = useEngagementActions();
  const ids = { rules: useId(), badges: useId(), kudos: useId(), consent: useId() };
  const [saved, setSaved] = useState(false);
  // The own latest choice first (offline too), else what the relay recorded.
  const own = [...outbox].reverse().find((e) => e.type === 'kudos-consent');
  const consenting = own?.type === 'kudos-consent' ? own.inSpaces : view.consenting.has(me);
  const spaceNameOf = (id: string) => catalogue.find((s) => s.id === id)?.name ?? id;
  return (
    <section className="screen screen-recognition" aria-labelledby={`${ids.rules}-h1`}>
      <h1 id={`${ids.rules}-h1`}>{t.recognition.title}</h1>
      <p>{t.recognition.intro}</p>
      <section aria-labelledby={ids.badges}>
        <h2 id={ids.badges}>{t.recognition.myBadges}</h2>
        {view.badges.some((b) => b.person === me) ? (
          <BadgeList badges={view.badges.filter((b) => b.person === me)} spaceNameOf={spaceNameOf} />
        ) : (
          <p className="empty">{t.recognition.noBadges}</p>
        )}
      </section>
      <section aria-labelledby={ids.kudos}>
        <h2 id={ids.kudos}>{t.recognition.received}</h2>
        {kudosFor(view, me).length === 0 ? <p className="empty">{t.recognition.noKudos}</p> : <KudosList kudos={kudosFor(view, me)} nameOf={nameOf} />}
      </section>
      <section aria-labelledby={ids.consent}>
        <h2 id={ids.consent}>{t.recognition.consentTitle}</h2>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={consenting}
            onChange={(e) => {
              setSaved(false);
              void actions.consent(e.currentTarget.checked).then(() => setSaved(true));
            }}
          />{' '}
          {t.recognition.consentLabel}
        </label>
        <p role="status" className="field-help">{saved ? t.recognition.consentSaved : ''}</p>
      </section>
      <section aria-labelledby={ids.rules}>
        <h2 id={ids.rules}>{t.recognition.rulesTitle}</h2>
        <dl className="badge-rules">
          {BADGE_RULES.map((r) => (
            <div key={r.id}>
              <dt>{r.title}</dt>
              <dd>{r.description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
