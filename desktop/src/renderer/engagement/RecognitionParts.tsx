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
  me,
  onWithdraw,
}: {
  kudos: readonly PublishedKudos[];
  nameOf: (id: string) => string;
  showRecipient?: boolean;
  /** With onWithdraw: the giver may withdraw their own kudos. */
  me?: string;
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
          {onWithdraw && k.authorId === me && (
            <button type="button" className="button-quiet" onClick={() => onWithdraw(k.id)} aria-label={t.person.withdrawLabel(nameOf(k.to))}>
              {t.person.withdraw}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
