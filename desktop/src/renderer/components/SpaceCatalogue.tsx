// The catalogue of spaces a person can see: public spaces (open to every employee; join to follow
// them on Home) and private spaces (visible, joined on request to a facilitator). Secret spaces are
// listed only for their members. Filterable by name and description.
import { useId, useMemo, useState } from 'react';
import type { SpaceId, SpaceMeta } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';

export interface SpaceCatalogueProps {
  spaces: readonly SpaceMeta[];
  /** Spaces the person is a member of (or follows, for public spaces). */
  memberOf: ReadonlySet<SpaceId>;
  /** Private spaces with a join request waiting for a facilitator. */
  requested: ReadonlySet<SpaceId>;
  onOpen: (spaceId: SpaceId) => void;
  /** Join a public space. */
  onJoin: (spaceId: SpaceId) => void;
  /** Ask to join a private space. */
  onRequestJoin: (spaceId: SpaceId) => void;
  onLeave?: (spaceId: SpaceId) => void;
}

const KIND: Record<SpaceMeta['kind'], MessageKey> = { discussion: 'space.kind.discussion', news: 'space.kind.news', course: 'space.kind.course' };
const VISIBILITY: Record<SpaceMeta['visibility'], MessageKey> = {
  public: 'space.public',
  private: 'space.private',
  secret: 'space.secret',
};

export function SpaceCatalogue({ spaces, memberOf, requested, onOpen, onJoin, onRequestJoin, onLeave }: SpaceCatalogueProps) {
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
                const member = memberOf.has(space.id);
                const waiting = requested.has(space.id);
                const canRead = space.visibility === 'public' || member;
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
                    </h3>
                    <p className="space-tags">
                      <span className="kind-badge">{s.t(VISIBILITY[space.visibility])}</span>{' '}
                      <span className="kind-badge">{s.t(KIND[space.kind])}</span>
                    </p>
                    {space.description !== '' && <p>{space.description}</p>}
                    <div className="space-actions">
                      {member ? (
                        <>
                          <span className="space-state">{s.t('spaces.member')}</span>
                          {onLeave && (
                            <button type="button" className="button-quiet" aria-describedby={`${id}-${space.id}`} onClick={() => onLeave(space.id)}>
                              {s.t('spaces.leave')}
                            </button>
                          )}
                        </>
                      ) : waiting ? (
                        <span className="space-state">{s.t('spaces.requested')}</span>
                      ) : space.visibility === 'public' ? (
                        <button type="button" className="button-primary" aria-describedby={`${id}-${space.id}`} onClick={() => onJoin(space.id)}>
                          {s.t('spaces.join')}
                        </button>
                      ) : (
                        <button type="button" className="button-quiet" aria-describedby={`${id}-${space.id}`} onClick={() => onRequestJoin(space.id)}>
                          {s.t('spaces.requestJoin')}
                        </button>
                      )}
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
