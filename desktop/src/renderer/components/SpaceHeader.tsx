// The top of a space's page: name, kind and visibility, description, facilitators, member count,
// and the actions that fit the person (new post; joining and leaving come in as `membership`).
import type { ReactNode } from 'react';
import type { PersonId, SpaceMeta } from '@hearth/core';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface SpaceHeaderProps {
  space: SpaceMeta;
  nameOf: NameOf;
  /** How many members the space has (for a public one: the people who joined it). */
  memberCount?: number;
  /** Given only when the person may post here (the container asks core's postingRights). */
  onNewPost?: () => void;
  /** Why the person may not post here, in plain words (shown instead of "New post"). */
  cannotPost?: string;
  /** The person's membership and its actions (MembershipControls). */
  membership?: ReactNode;
  onOpenPerson?: (personId: PersonId) => void;
}

export function SpaceHeader({ space, nameOf, memberCount, onNewPost, cannotPost, membership, onOpenPerson }: SpaceHeaderProps) {
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
        {membership}
      </div>
    </header>
  );
}
