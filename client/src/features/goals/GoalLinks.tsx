import { Link } from 'react-router';
import type { ActionStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { actionStatusLabel } from '../needs/needs.labels';

/** The service needs a goal serves, as links. */
export function GoalNeedList({ needs }: { needs: readonly { id: string; title: string }[] }) {
  return (
    <ul>
      {needs.map((n) => (
        <li key={n.id}>
          <Link className="yp-link" to={`/needs/${n.id}`}>
            {n.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The actions that carry a goal out, each with its status. */
export function GoalActionList({ actions }: { actions: readonly { id: string; title: string; status: ActionStatus }[] }) {
  const { t } = useI18n();
  return (
    <ul>
      {actions.map((a) => (
        <li key={a.id}>
          {a.title} – {actionStatusLabel(t, a.status)}
        </li>
      ))}
    </ul>
  );
}
