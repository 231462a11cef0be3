// Presentational pieces of recognition: badges and kudos lists (props in, nothing else).
import { badgeRule, type AwardedBadge, type PublishedKudos } from '@hearth/core';
import { TimeText } from '../components/TimeText.js';
import { engagementText as t } from './strings.js';

export function BadgeList({ badges, spaceNameOf }: { badges: readonly AwardedBadge[]; spaceNameOf: (id: string) => string }) {
  return (
    <ul className="badge-list">
      {badges.map((b) => {
        const rule = badgeRule(b.badge);
        return (
          <li key={`${b.badge}/${b.space ?? ''}`} className="badge">
            <strong>{rule?.title ?? b.badge}</strong>
            {b.space !== null && <span> · {spaceNameOf(b.space)}</span>}
            <span className="field-help"> — {rule?.description}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function KudosList({
  kudos,
  nameOf,
  showRecipient = false,
  withdrawable,
  onWithdraw,
}: {
  kudos: readonly PublishedKudos[];
  nameOf: (id: string) => string;
  showRecipient?: boolean;
  /**
   * With onWithdraw: the kudos the viewer may withdraw — those in their own outbox, since a
   * withdrawal is a change to that entry (a kudos shown as theirs but not there, such as the demo
   * company's, would offer a button that does nothing).
   */
  withdrawable?: ReadonlySet<string>;
  onWithdraw?: (id: string) => void;
}) {
  return (
    <ul className="kudos-list">
      {kudos.map((k) => (
        <li key={k.id} className="kudos card">
          <p className="kudos-message">{k.message}</p>
          <p className="field-help">
            {showRecipient ? `${nameOf(k.to)} · ` : ''}
            {t.person.from(nameOf(k.authorId))} · <TimeText at={k.createdAt} />
          </p>
          {onWithdraw && withdrawable?.has(k.id) === true && (
            <button type="button" className="button-quiet" onClick={() => onWithdraw(k.id)} aria-label={t.person.withdrawLabel(nameOf(k.to))}>
              {t.person.withdraw}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
