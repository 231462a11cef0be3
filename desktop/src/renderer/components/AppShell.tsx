// The frame around every screen: a skip link, a banner with the signed-in person, the navigation
// rail (Home, Spaces, Messages, People, Inbox with its unread count, Search, Policy, Settings, and Review for
// moderators and facilitators), a slot for the connection indicator, an optional banner slot for
// storage problems, and the main region.
import type { MouseEvent, ReactNode } from 'react';
import { NAV_KEYS, type NavKey } from './types.js';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';
import { initials } from './PostCard.js';

export interface AppShellProps {
  /** The current place; 'review' is the moderation review pane (only with `review`), 'figures' the Figures screen. */
  current: NavKey | 'review' | 'figures' | ExtraNavId;
  onNavigate: (key: NavKey) => void;
  /** The address of each place, so links can be opened, copied and read as links. Default `#/key`. */
  hrefOf?: (key: NavKey) => string;
  /** Unread items in the inbox. */
  inboxUnread: number;
  /** Unread messages. */
  messagesUnread?: number;
  /** Unread posts in the spaces the person follows. */
  spacesUnread?: number;
  /** The signed-in person's display name and title. */
  me: { name: string; title?: string };
  onSignOut?: () => void;
  /** Usually a <ConnectionStatus>. */
  connection: ReactNode;
  /** Usually a <StorageErrorBanner> when local storage fails; shown above the content. */
  banner?: ReactNode;
  /** The review pane's nav entry, shown only to moderators and facilitators. */
  review?: { href: string; onOpen: () => void };
  /** The Figures screen's nav entry, shown only to comms, admins and facilitators. */
  figures?: { href: string; label: string; onOpen: () => void };
  /** Further places offered to this person only (Recognition where it is on, Bookmarks), after the rest. */
  extraNav?: readonly { id: ExtraNavId; href: string; label: string; onOpen: () => void }[];
  children: ReactNode;
}

export type ExtraNavId = 'recognition' | 'bookmarks';

const LABELS: Record<NavKey, MessageKey> = {
  home: 'nav.home',
  spaces: 'nav.spaces',
  messages: 'nav.messages',
  people: 'nav.people',
  inbox: 'nav.inbox',
  search: 'nav.search',
  policy: 'nav.policy',
  settings: 'nav.settings',
};

const defaultHref = (key: NavKey) => `#/${key}`;

export function AppShell({
  current,
  onNavigate,
  hrefOf = defaultHref,
  inboxUnread,
  messagesUnread = 0,
  spacesUnread = 0,
  me,
  onSignOut,
  connection,
  banner,
  review,
  figures,
  extraNav = [],
  children,
}: AppShellProps) {
  const s = useStrings();
  const follow = (key: NavKey) => (event: MouseEvent<HTMLAnchorElement>) => {
    // Let modified clicks (new window, copy) behave as links; plain clicks route in-app.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(key);
  };
  const counts: Partial<Record<NavKey, number>> = { inbox: inboxUnread, messages: messagesUnread, spaces: spacesUnread };

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {s.t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{s.t('app.name')}</span>
        <div className="app-me">
          <span className="avatar" aria-hidden="true">
            {initials(me.name)}
          </span>
          <span className="app-me-text">
            <span className="app-me-name">{me.name}</span>
            {me.title !== undefined && <span className="app-me-title">{me.title}</span>}
          </span>
          {onSignOut && (
            <button type="button" className="button-quiet" onClick={onSignOut}>
              {s.t('shell.signOut')}
            </button>
          )}
        </div>
      </header>
      <nav className="app-nav" aria-label={s.t('shell.navigation')}>
        <ul>
          {NAV_KEYS.map((key) => {
            const count = counts[key] ?? 0;
            return (
              <li key={key}>
                <a
                  href={hrefOf(key)}
                  aria-current={key === current ? 'page' : undefined}
                  onClick={follow(key)}
                >
                  <span>{s.t(LABELS[key])}</span>
                  {count > 0 && (
                    <>
                      <span className="nav-count" aria-hidden="true">
                        {count > 99 ? '99+' : s.formatNumber(count)}
                      </span>
                      <span className="visually-hidden">{s.t('shell.unread', { count })}</span>
                    </>
                  )}
                </a>
              </li>
            );
          })}
          {review !== undefined && (
            <li>
              <a
                href={review.href}
                aria-current={current === 'review' ? 'page' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  review.onOpen();
                }}
              >
                <span>{s.t('nav.review')}</span>
              </a>
            </li>
          )}
          {figures !== undefined && (
            <li>
              <a
                href={figures.href}
                aria-current={current === 'figures' ? 'page' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  figures.onOpen();
                }}
              >
                <span>{figures.label}</span>
              </a>
            </li>
          )}
          {extraNav.map((item) => (
            <li key={item.id}>
              <a
                href={item.href}
                aria-current={current === item.id ? 'page' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  item.onOpen();
                }}
              >
                <span>{item.label}</span>
              </a>
            </li>
          ))}
        </ul>
        <div className="app-connection">{connection}</div>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {banner}
        {children}
      </main>
    </div>
  );
}
