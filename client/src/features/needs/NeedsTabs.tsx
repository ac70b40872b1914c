import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/useI18n';

/** The needs area's own views (register, responsibility matrix, party actions): one entry in the main menu, tabs here. */
export function NeedsTabs() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('needs.tabs.label')} className="yp-subnav">
      <ul>
        <li>
          <NavLink to="/needs" end className="yp-subnav__link">
            {t('needs.tabs.register')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/needs/matrix" className="yp-subnav__link">
            {t('nav.matrix')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/needs/actions" className="yp-subnav__link">
            {t('nav.partyActions')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
