import { Link } from 'react-router';
import type { NeedListFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { statuses, statusLabel } from './needs.labels';
import { DemoTag, PriorityTag } from './NeedBadges';
import { ActionsCell, LeadCell } from './NeedsTable';
import './board.css';

/** The needs in columns by status; a card moves when its status changes live. */
export function NeedsBoard({ needs, changed }: { needs: NeedListFieldsFragment[]; changed: ReadonlySet<string> }) {
  const { t, name } = useI18n();
  return (
    <div className="yp-board" data-testid="needs-board">
      {statuses.map((status) => {
        const column = needs.filter((n) => n.status === status);
        return (
          <section
            key={status}
            className={`yp-board__col yp-board__col--${status}`}
            aria-labelledby={`col-${status}`}
            data-status={status}
          >
            <h2 id={`col-${status}`} className="yp-board__title">
              {statusLabel(t, status)} <span className="yp-board__count">{column.length}</span>
            </h2>
            <ul className="yp-board__list">
              {column.map((n) => (
                <li
                  key={n.id}
                  className={`yp-board__card${changed.has(n.id) ? ' yp-board__card--changed' : ''}${n.hasGap ? ' yp-board__card--gap' : ''}`}
                  data-need-id={n.id}
                >
                  <Link className="yp-link yp-board__link" to={`/needs/${encodeURIComponent(n.id)}`}>
                    {n.title}
                  </Link>
                  <div className="yp-board__meta">
                    <PriorityTag priority={n.priority} /> <DemoTag demo={n.demo} />
                  </div>
                  <div className="yp-board__meta">{n.municipalities.map((m) => name(m.names)).join(', ')}</div>
                  <div className="yp-board__meta">
                    <LeadCell need={n} />
                  </div>
                  <div className="yp-board__meta">
                    <ActionsCell need={n} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
