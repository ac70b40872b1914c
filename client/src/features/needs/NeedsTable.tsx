import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { NeedListFieldsFragment } from '../../graphql/generated/graphql';
import type { I18nValue } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messageKeys';
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
 * The register's data columns after the title, in order: the heading (and each cell's `data-label`, its label on a
 * phone card), the cell's class and its content. The heading row and every need's row are made from this list.
 */
const COLUMNS: readonly {
  label: MessageKey;
  className?: string;
  testId?: string;
  cell: (n: NeedListFieldsFragment, i18n: I18nValue) => ReactNode;
}[] = [
  { label: 'needs.col.status', className: 'yp-cell--tag', testId: 'need-status', cell: (n) => <StatusTag status={n.status} /> },
  { label: 'needs.col.priority', className: 'yp-cell--tag', cell: (n) => <PriorityTag priority={n.priority} /> },
  { label: 'needs.col.themes', cell: (n, { name }) => n.themes.map((th) => name(th.names)).join(', ') },
  { label: 'needs.col.municipalities', cell: (n, { name }) => n.municipalities.map((m) => name(m.names)).join(', ') },
  { label: 'needs.col.lead', cell: (n) => <LeadCell need={n} /> },
  {
    label: 'needs.col.body',
    cell: (n, { name }) => (n.ownerBody ? name(n.ownerBody.names) : <span className="yp-meta">–</span>),
  },
  { label: 'needs.col.actions', cell: (n) => <ActionsCell need={n} /> },
  { label: 'needs.col.updated', className: 'yp-nowrap', cell: (n, { dateTime }) => dateTime(n.updatedAt as string) },
];

/**
 * Rows of the register table; one tbody per page of the cursor list. On a phone the rows show as cards
 * (register.css), each cell labelled by its column; the explicit roles keep the table's semantics when CSS
 * changes the cells' display.
 */
export function NeedRows({ needs, changed }: { needs: NeedListFieldsFragment[]; changed: ReadonlySet<string> }) {
  const i18n = useI18n();
  const { t } = i18n;
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
          {COLUMNS.map((c) => (
            <td key={c.label} role="cell" data-testid={c.testId} data-label={t(c.label)} className={c.className}>
              {c.cell(n, i18n)}
            </td>
          ))}
        </tr>
      ))}
      {needs.length === 0 && (
        <tr role="row">
          <td role="cell" colSpan={COLUMNS.length + 1}>
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
        {(['needs.col.title', ...COLUMNS.map((c) => c.label)] as const).map((label) => (
          <th key={label} scope="col" role="columnheader">
            {t(label)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
