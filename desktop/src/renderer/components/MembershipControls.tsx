// Where the person stands with a space and what they can do about it: join (public), ask to join
// (private), withdraw a waiting request, ask again after a refusal, leave. Each state says in words
// what it means, so "Join" is never a surprise and a request is never a black hole.
import type { SpaceMeta } from '@hearth/core';
import type { MembershipState } from '../data/membership.js';
import { useStrings } from '../i18n/index.js';

export interface MembershipControlsProps {
  space: SpaceMeta;
  state: MembershipState;
  /** The person facilitates this space: a private one they may not leave. */
  facilitates?: boolean;
  /** Leave out the explanation (the catalogue's compact rows). */
  compact?: boolean;
  /** id of the element naming the space, for buttons in a list. */
  describedBy?: string;
  onJoin: () => void;
  onLeave: () => void;
  onWithdraw: (requestId: string) => void;
}

export function MembershipControls({ space, state, facilitates = false, compact = false, describedBy, onJoin, onLeave, onWithdraw }: MembershipControlsProps) {
  const s = useStrings();
  const open = space.visibility === 'public';
  const help = (key: Parameters<typeof s.t>[0]) => (compact ? null : <p className="field-help membership-help">{s.t(key)}</p>);
  const button = (label: string, onClick: () => void, primary = false) => (
    <button type="button" className={primary ? 'button-primary' : 'button-quiet'} aria-describedby={describedBy} onClick={onClick}>
      {label}
    </button>
  );
  switch (state.kind) {
    case 'member':
      return (
        <div className="membership" data-membership="member">
          <span className="space-state">{s.t('spaces.member')}</span>{' '}
          {facilitates && !open ? <span className="space-state">{s.t('spaces.facilitatorStays')}</span> : button(s.t('spaces.leave'), onLeave)}
          {open && help('spaces.memberMeans')}
        </div>
      );
    case 'pending':
      return (
        <div className="membership" data-membership="pending">
          <span className="space-state" role="status">{s.t('spaces.requested')}</span> {button(s.t('spaces.withdraw'), () => onWithdraw(state.request))}
        </div>
      );
    case 'declined':
      return (
        <div className="membership" data-membership="declined">
          <span className="space-state" role="status">{s.t('spaces.declined')}</span> {button(s.t('spaces.askAgain'), onJoin)}
        </div>
      );
    case 'none':
      return (
        <div className="membership" data-membership="none">
          {open ? button(s.t('spaces.join'), onJoin, true) : button(s.t('spaces.requestJoin'), onJoin)}
          {help(open ? 'spaces.joinMeans' : 'spaces.askMeans')}
        </div>
      );
  }
}
