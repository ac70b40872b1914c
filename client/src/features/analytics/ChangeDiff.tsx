import { useI18n } from '../../i18n/useI18n';
import { compactValue, diffChange, type KeyChange } from './analytics.util';

/** Above this many changed keys the table starts folded, so a created record does not fill the screen. */
const FOLD_AFTER = 6;

/** A change event's before/after as a compact table of the keys that changed. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = diffChange(before, after);
  if (changes.length === 0) return <p className="yp-muted yp-diff__none">{t('audit.noDiff')}</p>;
  const table = (
    <table className="yp-diff" data-testid="change-diff">
      <caption className="yp-visually-hidden">{t('audit.diffCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <DiffRow key={change.key} change={change} />
        ))}
      </tbody>
    </table>
  );
  if (changes.length <= FOLD_AFTER) return table;
  return (
    <details className="yp-fold">
      <summary>
        {t('audit.diffCaption')} ({changes.length})
      </summary>
      {table}
    </details>
  );
}

function DiffRow({ change }: { change: KeyChange }) {
  const { t } = useI18n();
  const cell = (value: unknown, present: boolean, className: string) =>
    present && value !== null ? (
      <td className={className}>
        <span title={typeof value === 'string' ? value : JSON.stringify(value)}>{compactValue(value)}</span>
      </td>
    ) : (
      <td className="yp-muted">{t('audit.empty')}</td>
    );
  return (
    <tr data-change={change.change}>
      <th scope="row">
        <code className="yp-code-inline">{change.key || t('audit.value')}</code>
        {change.change !== 'changed' && <span className="yp-meta">{t(change.change === 'added' ? 'audit.added' : 'audit.removed')}</span>}
      </th>
      {cell(change.before, change.change !== 'added', 'yp-diff__before')}
      {cell(change.after, change.change !== 'removed', 'yp-diff__after')}
    </tr>
  );
}
