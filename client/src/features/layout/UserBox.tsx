import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { useSession } from '../../graphql/useSession';
import { roleLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import { LogoutMutation } from '../auth/auth.documents';
import type { CurrentUser } from '../auth/CurrentUserProvider';
import { announceLogout } from '../auth/sessionChannel';

/** The signed-in user's name, party and role, and the logout button. */
export function UserBox({ user }: { user: CurrentUser }) {
  const { t, name } = useI18n();
  const { renew } = useSession();
  const navigate = useNavigate();
  const [, logout] = useMutation(LogoutMutation);
  const [busy, setBusy] = useState(false);

  async function onLogout() {
    setBusy(true);
    // Before the server ends the session: the other tabs then tell their user why theirs ended.
    announceLogout();
    // Renew even if the call failed: the user asked to leave, and a new session asks `me` again.
    await logout({});
    renew();
    navigate('/login', { replace: true });
  }

  const role = user.roles[0];
  return (
    <div className="yp-user">
      <div className="yp-user__text">
        <NavLink
          to="/profile"
          className="yp-user__name yp-link"
          data-testid="user-name"
          aria-label={`${user.displayName} – ${t('nav.profile')}`}
        >
          {user.displayName}
        </NavLink>
        <span className="yp-user__party" data-testid="user-party">
          {[user.party ? name(user.party.names) : undefined, role ? roleLabel(t, role) : undefined].filter(Boolean).join(' · ')}
        </span>
        <nav aria-label={t('nav.account')} className="yp-user__links">
          <NavLink to="/api-tokens" className="yp-link">
            {t('nav.apiTokens')}
          </NavLink>
        </nav>
      </div>
      {busy ? (
        <Button variant="secondary" loading ariaLoadingText={t('header.loggingOut')} disabled>
          {t('header.logout')}
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => void onLogout()}>
          {t('header.logout')}
        </Button>
      )}
    </div>
  );
}
