// The top of a space's page: name, kind and visibility, description, facilitators, member count,
// and the actions that fit the person (new post, join, request to join, leave).
import type { PersonId, SpaceMeta } from '@hearth/core';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface SpaceHeaderProps {
  space: SpaceMeta;
  nameOf: NameOf;
  /** Members of a private or secret space; omit for public spaces. */
  memberCount?: number;
  isMember: boolean;
  /** A join request is waiting. */
  requested?: boolean;
  /** Given only when the person may post here (the container asks core's postingRights). */
  onNewPost?: () => void;
  /** Why the person may not post here, in plain words (shown instead of "New post"). */
  cannotPost?: string;
  onJoin?: () => void;
  onRequestJoin?: () => void;
  onLeave?: () => void;
  onOpenPerson?: (personId: PersonId) => void;
}

export function SpaceHeader({ space, nameOf, memberCount, isMember, requested = false, onNewPost, cannotPost, onJoin, onRequestJoin, onLeave, onOpenPerson }: SpaceHeaderProps) {
  const s = useStrings();
  return (
    <header className="space-header">
      <div className="space-header-main">
        <h1>{space.name}</h1>
        <p className="space-tags">
          <span className="kind-badge">{s.t(`space.${space.visibility}`)}</span>{' '}
          <span className="kind-badge">{s.t(`space.kind.${space.kind}`)}</span>
          {memberCount !== undefined && <span className="space-members"> {s.t('space.members', { count: memberCount })}</span>}
        </p>
        {space.description !== '' && <p className="space-description">{space.description}</p>}
        {space.facilitators.length > 0 && (
          <p className="space-facilitators">
            {s.t('space.facilitatedBy')}{' '}
            {space.facilitators.map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                {onOpenPerson ? (
                  <button type="button" className="link-button inline-link" onClick={() => onOpenPerson(id)}>
                    {nameOf(id)}
                  </button>
                ) : (
                  nameOf(id)
                )}
              </span>
            ))}
          </p>
        )}
        {space.retentionDays !== null && <p className="field-help">{s.t('space.retention', { count: space.retentionDays })}</p>}
      </div>
      <div className="space-header-actions">
        {onNewPost && (
          <button type="button" className="button-primary" onClick={onNewPost}>
            {s.t('space.newPost')}
          </button>
        )}
        {!onNewPost && cannotPost !== undefined && <p className="space-cannot-post">{cannotPost}</p>}
        {!isMember && space.visibility === 'public' && onJoin && (
          <button type="button" className="button-quiet" onClick={onJoin}>
            {s.t('spaces.join')}
          </button>
        )}
        {!isMember && space.visibility !== 'public' && !requested && onRequestJoin && (
          <button type="button" className="button-quiet" onClick={onRequestJoin}>
            {s.t('spaces.requestJoin')}
          </button>
        )}
        {requested && <span className="space-state">{s.t('spaces.requested')}</span>}
        {isMember && onLeave && (
          <button type="button" className="button-quiet" onClick={onLeave}>
            {s.t('spaces.leave')}
          </button>
        )}
      </div>
    </header>
  );
}
