// The catalogue of spaces a person can see: public spaces (open to every employee; join to follow
// them on Home) and private spaces (visible, joined on request to a facilitator). Secret spaces are
// listed only for their members. Filterable by name and description.
import { useId, useMemo, useState } from 'react';
import type { SpaceId, SpaceMeta } from '@hearth/core';
import type { MembershipState } from '../data/membership.js';
import type { MessageKey } from '../i18n/index.js';
import { MembershipControls } from './MembershipControls.js';
import { useStrings } from '../i18n/index.js';

export interface SpaceCatalogueProps {
  spaces: readonly SpaceMeta[];
  /** Where the person stands with each space (data/membership.ts). */
  membershipOf: (space: SpaceMeta) => MembershipState;
  /** Spaces the person facilitates (a private one they may not leave). */
  facilitatorOf?: ReadonlySet<SpaceId>;
  onOpen: (spaceId: SpaceId) => void;
  /** Join a public space, or ask to join a private one. */
  onJoin: (spaceId: SpaceId) => void;
  onLeave: (spaceId: SpaceId) => void;
  /** Withdraw a waiting join request (its entry id). */
  onWithdraw: (requestId: string) => void;
  /** Unread posts in a space the person follows (0: none shown). */
  unreadOf?: (spaceId: SpaceId) => number;
}

const KIND: Record<SpaceMeta['kind'], MessageKey> = { discussion: 'space.kind.discussion', news: 'space.kind.news', course: 'space.kind.course' };
const VISIBILITY: Record<SpaceMeta['visibility'], MessageKey> = {
  public: 'space.public',
  private: 'space.private',
  secret: 'space.secret',
};

export function SpaceCatalogue({ spaces, membershipOf, facilitatorOf, onOpen, onJoin, onLeave, onWithdraw, unreadOf }: SpaceCatalogueProps) {
  const s = useStrings();
  const id = useId();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const shown = spaces
      .filter((sp) => q === '' || `${sp.name} ${sp.description}`.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name, s.locale));
    return [
      { key: 'public', title: s.t('spaces.publicHeading'), items: shown.filter((sp) => sp.visibility === 'public') },
      { key: 'private', title: s.t('spaces.privateHeading'), items: shown.filter((sp) => sp.visibility !== 'public') },
    ];
  }, [spaces, filter, s]);

  return (
    <div className="space-catalogue">
      <h1>{s.t('spaces.title')}</h1>
      <div className="field">
        <label htmlFor={`${id}-filter`}>{s.t('spaces.filter')}</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
      </div>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`${id}-${group.key}`}>
          <h2 id={`${id}-${group.key}`}>{group.title}</h2>
          {group.items.length === 0 ? (
            <p className="empty">{s.t('spaces.none')}</p>
          ) : (
            <ul className="space-list">
              {group.items.map((space) => {
                const state = membershipOf(space);
                const canRead = space.visibility === 'public' || state.kind === 'member';
                const unread = unreadOf?.(space.id) ?? 0;
                return (
                  <li key={space.id} className="space-item card">
                    <h3 id={`${id}-${space.id}`}>
                      {canRead ? (
                        <button type="button" className="link-button" onClick={() => onOpen(space.id)}>
                          {space.name}
                        </button>
                      ) : (
                        space.name
                      )}
                      {unread > 0 && (
                        <>
                          {' '}
                          <span className="nav-count space-unread" aria-hidden="true">
                            {unread > 99 ? '99+' : s.formatNumber(unread)}
                          </span>
                          <span className="visually-hidden">{s.t('shell.unread', { count: unread })}</span>
                        </>
                      )}
                    </h3>
                    <p className="space-tags">
                      <span className="kind-badge">{s.t(VISIBILITY[space.visibility])}</span>{' '}
                      <span className="kind-badge">{s.t(KIND[space.kind])}</span>
                    </p>
                    {space.description !== '' && <p>{space.description}</p>}
                    <div className="space-actions">
                      <MembershipControls
                        space={space}
                        state={state}
                        facilitates={facilitatorOf?.has(space.id) ?? false}
                        compact
                        describedBy={`${id}-${space.id}`}
                        onJoin={() => onJoin(space.id)}
                        onLeave={() => onLeave(space.id)}
                        onWithdraw={onWithdraw}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
