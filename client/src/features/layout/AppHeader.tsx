import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link as RouterLinkBase, useLocation } from 'react-router';
import { PHONE_QUERY, useMediaQuery } from '../../components/useMediaQuery';
import { useI18n } from '../../i18n/useI18n';
import { NavLinkList, type NavEntry } from '../../components/NavLinkList';
import { useCurrentUser } from '../auth/useCurrentUser';
import { NotificationBell } from '../notifications/NotificationBell';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserBox } from './UserBox';

/**
 * The banner: product name, language, the user and logout; below it the navigation and the live status.
 * On a phone the user and logout move into the folded menu, so the header stays two short rows.
 */
export function AppHeader() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  // On a phone the menu folds behind a button; it closes again when a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu from anywhere in it (or its account box) and returns focus to the button (WCAG 2.1.2).
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    event.preventDefault();
    setMenuOpen(false);
    toggle.current?.focus();
  };
  const phone = useMediaQuery(PHONE_QUERY);
  const secretariat = Boolean(user?.roles.includes('SECRETARIAT'));
  const entries: NavEntry[] = [
    { to: '/dashboard', label: t('nav.dashboard') },
    { to: '/parties', label: t('nav.parties') },
    { to: '/needs', label: t('nav.needs') },
    { to: '/meetings', label: t('nav.meetings') },
    { to: '/cooperation', label: t('nav.cooperation') },
    { to: '/agreements', label: t('nav.agreements') },
    { to: '/audit', label: t('nav.audit') },
    ...(secretariat
      ? [
          { to: '/people', label: t('nav.people') },
          { to: '/disclosures', label: t('nav.disclosures') },
        ]
      : []),
  ];
  return (
    <header className="yp-header">
      <div className="yp-header__top yp-container">
        <RouterLinkBase to="/" className="yp-brand">
          <span className="yp-brand__mark" aria-hidden="true">
            YP
          </span>
          <span className="yp-brand__text">
            <span className="yp-brand__name">{t('app.name')}</span>
            <span className="yp-brand__tagline">{t('app.tagline')}</span>
          </span>
        </RouterLinkBase>
        <div className="yp-header__tools">
          {user && <NotificationBell />}
          <LanguageSwitcher />
          {user && !phone && <UserBox user={user} />}
        </div>
      </div>
      {user && (
        <div className="yp-navbar" onKeyDown={closeOnEscape}>
          <div className="yp-container yp-navbar__inner">
            <nav aria-label={t('nav.label')} className="yp-nav__wrap">
              <button
                ref={toggle}
                type="button"
                className="yp-menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="yp-main-menu"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span aria-hidden="true" className="yp-menu-toggle__icon">
                  {menuOpen ? '✕' : '☰'}
                </span>{' '}
                {t('nav.menu')}
              </button>
              <ul className={menuOpen ? 'yp-nav is-open' : 'yp-nav'} id="yp-main-menu">
                <NavLinkList entries={entries} linkClassName="yp-nav__link" />
              </ul>
            </nav>
            <ConnectionIndicator />
          </div>
          {phone && menuOpen && (
            <div className="yp-container yp-menu-account">
              <UserBox user={user} />
            </div>
          )}
        </div>
      )}
    </header>
  );
}
