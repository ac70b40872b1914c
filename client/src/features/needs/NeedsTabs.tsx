import { useI18n } from '../../i18n/useI18n';
import { NavLinkList } from '../../components/NavLinkList';

/** The needs area's own views (register, responsibility matrix, party actions): one entry in the main menu, tabs here. */
export function NeedsTabs() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('needs.tabs.label')} className="yp-subnav">
      <ul>
        <NavLinkList
          linkClassName="yp-subnav__link"
          entries={[
            { to: '/needs', end: true, label: t('needs.tabs.register') },
            { to: '/needs/matrix', label: t('nav.matrix') },
            { to: '/needs/actions', label: t('nav.partyActions') },
          ]}
        />
      </ul>
    </nav>
  );
}
