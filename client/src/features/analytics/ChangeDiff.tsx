import { useI18n } from '../../i18n/useI18n';
import { DataTable } from '../../components/DataTable';
import { diffChange, readableValue, type KeyChange } from './analytics.util';

/** Above this many changed keys the table starts folded, so a created record does not fill the screen. */
const FOLD_AFTER = 6;

/** A change event's before/after as a compact table of the keys that changed. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = diffChange(before, after);
  if (changes.length === 0) return <p className="yp-muted yp-diff__none">{t('audit.noDiff')}</p>;
  const table = (
    <DataTable
      caption={t('audit.diffCaption')}
      captionHidden
      columns={[t('audit.field'), t('audit.before'), t('audit.after')]}
      wrap="none"
      className="yp-diff"
      testId="change-diff"
    >
      {changes.map((change) => (
        <DiffRow key={change.key} change={change} />
      ))}
    </DataTable>
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
  const cell = (value: unknown, present: boolean, className: string) => {
    if (!present || value === null) return <td className="yp-muted">{t('audit.empty')}</td>;
    const readable = readableValue(value);
    return (
      <td className={className}>
        <span className="yp-diff__value">{readable.text}</span>
        {readable.truncated && (
          <details className="yp-diff__full">
            <summary>{t('audit.showFull')}</summary>
            <span className="yp-diff__value">{readable.full}</span>
          </details>
        )}
      </td>
    );
  };
  return (
    <tr data-change={change.change}>
      <th scope="row">
        <code className="yp-code-inline">{change.key || t('audit.value')}</code>
        {change.change !== 'changed' && (
          <span className="yp-meta">{t(change.change === 'added' ? 'audit.added' : 'audit.removed')}</span>
        )}
      </th>
      {cell(change.before, change.change !== 'added', 'yp-diff__before')}
      {cell(change.after, change.change !== 'removed', 'yp-diff__after')}
    </tr>
  );
}
