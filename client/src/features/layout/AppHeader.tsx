import { useEffect, useState } from 'react';
import { Link as RouterLinkBase, NavLink, useLocation } from 'react-router';
import { PHONE_QUERY, useMediaQuery } from '../../components/useMediaQuery';
import { useI18n } from '../../i18n/useI18n';
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
  const phone = useMediaQuery(PHONE_QUERY);
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
        <div className="yp-navbar">
          <div className="yp-container yp-navbar__inner">
            <nav aria-label={t('nav.label')} className="yp-nav__wrap">
              <button
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
                <li>
                  <NavLink to="/dashboard" className="yp-nav__link">
                    {t('nav.dashboard')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/parties" className="yp-nav__link">
                    {t('nav.parties')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/needs" className="yp-nav__link">
                    {t('nav.needs')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/meetings" className="yp-nav__link">
                    {t('nav.meetings')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/cooperation" className="yp-nav__link">
                    {t('nav.cooperation')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/agreements" className="yp-nav__link">
                    {t('nav.agreements')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/audit" className="yp-nav__link">
                    {t('nav.audit')}
                  </NavLink>
                </li>
                {user.roles.includes('SECRETARIAT') && (
                  <li>
                    <NavLink to="/people" className="yp-nav__link">
                      {t('nav.people')}
                    </NavLink>
                  </li>
                )}
                {user.roles.includes('SECRETARIAT') && (
                  <li>
                    <NavLink to="/disclosures" className="yp-nav__link">
                      {t('nav.disclosures')}
                    </NavLink>
                  </li>
                )}
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
