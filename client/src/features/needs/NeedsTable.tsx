import { Link } from 'react-router';
import type { NeedListFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { DemoTag, PriorityTag, StatusTag } from './NeedBadges';

/** Lead party's name, or the gap marker. */
export function LeadCell({ need }: { need: NeedListFieldsFragment }) {
  const { t, name } = useI18n();
  return need.lead ? <>{name(need.lead.names)}</> : <span className="yp-gap">{t('needs.gap')}</span>;
}

/** "2/3 done · 1 overdue". */
export function ActionsCell({ need }: { need: NeedListFieldsFragment }) {
  const { t } = useI18n();
  const { total, done, overdue } = need.actionCounts;
  if (total === 0) return <span className="yp-meta">–</span>;
  return (
    <>
      <span className="yp-nowrap">{t('needs.actionsDone', { done, total })}</span>
      {overdue > 0 && (
        <>
          {' '}
          <span className="yp-tag yp-tag--overdue">{t('needs.overdueCount', { count: overdue })}</span>
        </>
      )}
    </>
  );
}

/**
 * Rows of the register table; one tbody per page of the cursor list. On a phone the rows show as cards
 * (needs.css), each cell labelled by its column; the explicit roles keep the table's semantics when CSS
 * changes the cells' display.
 */
export function NeedRows({ needs, changed }: { needs: NeedListFieldsFragment[]; changed: ReadonlySet<string> }) {
  const { t, name, dateTime } = useI18n();
  return (
    <>
      {needs.map((n) => (
        <tr key={n.id} role="row" className={changed.has(n.id) ? 'yp-row--changed' : undefined} data-need-id={n.id}>
          <th scope="row" role="rowheader">
            <Link className="yp-link" to={`/needs/${encodeURIComponent(n.id)}`}>
              {n.title}
            </Link>{' '}
            <DemoTag demo={n.demo} />
          </th>
          <td role="cell" data-testid="need-status" data-label={t('needs.col.status')} className="yp-cell--tag">
            <StatusTag status={n.status} />
          </td>
          <td role="cell" data-label={t('needs.col.priority')} className="yp-cell--tag">
            <PriorityTag priority={n.priority} />
          </td>
          <td role="cell" data-label={t('needs.col.themes')}>
            {n.themes.map((th) => th.name).join(', ')}
          </td>
          <td role="cell" data-label={t('needs.col.municipalities')}>
            {n.municipalities.map((m) => name(m.names)).join(', ')}
          </td>
          <td role="cell" data-label={t('needs.col.lead')}>
            <LeadCell need={n} />
          </td>
          <td role="cell" data-label={t('needs.col.body')}>
            {n.ownerBody?.name ?? <span className="yp-meta">–</span>}
          </td>
          <td role="cell" data-label={t('needs.col.actions')}>
            <ActionsCell need={n} />
          </td>
          <td role="cell" data-label={t('needs.col.updated')} className="yp-nowrap">
            {dateTime(n.updatedAt as string)}
          </td>
        </tr>
      ))}
      {needs.length === 0 && (
        <tr role="row">
          <td role="cell" colSpan={9}>
            {t('needs.empty')}
          </td>
        </tr>
      )}
    </>
  );
}

/** The column headings of the register table. */
export function NeedsTableHead() {
  const { t } = useI18n();
  return (
    <thead role="rowgroup">
      <tr role="row">
        <th scope="col" role="columnheader">
          {t('needs.col.title')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.status')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.priority')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.themes')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.municipalities')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.lead')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.body')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.actions')}
        </th>
        <th scope="col" role="columnheader">
          {t('needs.col.updated')}
        </th>
      </tr>
    </thead>
  );
}
