import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { locales } from '../../i18n/i18n';
import { DataTable } from '../../components/DataTable';
import { formatSize } from '../attachments/upload';
import { fieldLabel, labelValues } from './analytics.labels';
import {
  REFERENCE_WORDS,
  diffChange,
  editorsText,
  namedReference,
  presentValue,
  readableValue,
  type KeyChange,
  type UserNames,
} from './analytics.util';

const ID_KEYS = new Set(['id', 'ids']);
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Above this many changed keys the table starts folded, so a created record does not fill the screen. */
const FOLD_AFTER = 6;

/** Names to show for what recorded values refer to: ids of parties, bodies and people (members), and theme codes. */
export interface KnownNames {
  ids: ReadonlyMap<string, string>;
  themes: ReadonlyMap<string, string>;
}

/** A change event's before/after as a compact table of the fields that changed, named and written in the UI language. */
export function ChangeDiff({
  entityType,
  before,
  after,
  names,
  users,
  needs,
  agendaItems,
  records = NO_NAMES,
}: {
  entityType: string;
  before: unknown;
  after: unknown;
  names: KnownNames;
  /** The people this change refers to by id, as the server names them for the reader. */
  users: UserNames;
  /** The needs this change refers to (`needId`) that the reader may see, by id: their titles. */
  needs: ReadonlyMap<string, string>;
  /** The agenda items this change refers to that the reader may see, by id: "3 § title". */
  agendaItems: ReadonlyMap<string, string>;
  /** The goals, indicators and actions this change refers to that the reader may see, by id: their names. */
  records?: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const changes = diffChange(before, after);
  // The needs', agenda items' and other records' names join the other names by id (ids are unique across records).
  const ids = useMemo(
    () =>
      needs.size || agendaItems.size || records.size ? new Map([...names.ids, ...needs, ...agendaItems, ...records]) : names.ids,
    [names.ids, needs, agendaItems, records],
  );
  if (changes.length === 0) return <p className="yp-muted yp-diff__none">{t('audit.noDiff')}</p>;
  const table = (
    <DataTable
      caption={t('audit.diffCaption')}
      captionHidden
      columns={[t('audit.field'), t('audit.before'), t('audit.after')]}
      wrap="none"
      className="yp-diff"
      // On a phone each field is a block: its name, then "Before: …" and "After: …" under it (no squeezed columns).
      stack
      testId="change-diff"
    >
      {changes.map((change) => (
        <DiffRow key={change.key} entityType={entityType} change={change} ids={ids} themes={names.themes} users={users} />
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

function DiffRow({
  entityType,
  change,
  ids,
  themes,
  users,
}: {
  entityType: string;
  change: KeyChange;
  /** Names by id: parties, bodies, people, and the needs and agenda items the reader may see. */
  ids: ReadonlyMap<string, string>;
  themes: KnownNames['themes'];
  users: UserNames;
}) {
  const { t, lang } = useI18n();
  const label = change.key ? fieldLabel(t, change.key) : t('audit.value');
  const cell = (value: unknown, present: boolean, className: string, column: string) => {
    // `data-label`: the column's name before the value when the table is stacked (a phone); `role`: the cell stays a cell.
    const td = (content: ReactNode, cls = className) => (
      <td className={cls} role="cell" data-label={column}>
        {content}
      </td>
    );
    // Nothing, an empty text or an empty list: a word, not a dash.
    if (!present || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      return td(t('audit.empty'), 'yp-muted');
    // An agenda item, goal, indicator or action the reader may not see is a plain word, never its id.
    const word = REFERENCE_WORDS[change.key];
    if (word && (typeof value === 'string' || Array.isArray(value)))
      return td(<span className="yp-diff__value">{readableValue(namedReference(value, ids, t(word))).text}</span>);
    // A notification event's `ids` are the notifications sent (or read): how many, not their ids.
    if (entityType === 'notification' && change.key === 'ids' && Array.isArray(value))
      return td(<span className="yp-diff__value">{t('audit.notificationCount', { count: value.length })}</span>);
    const named =
      typeof value === 'boolean'
        ? t(value ? 'audit.yes' : 'audit.no')
        : change.key === 'themeCodes' && Array.isArray(value)
          ? value.map((code) => themes.get(code) ?? code)
          : (change.key === 'bytes' || change.key === 'size') && typeof value === 'number'
            ? formatSize(value, locales[lang])
            : change.key === 'editors'
              ? editorsText(value, users, ids, (count) => t('audit.editorEdits', { count }))
              : value;
    const readable = readableValue(
      // A record's own id (and a notification's ids) stay ids: the API's handle, not a name. A user's id is a name or a neutral word.
      presentValue(
        labelValues(t, entityType, change.key, named),
        lang,
        ID_KEYS.has(change.key) ? NO_NAMES : ids,
        users,
        change.key,
      ),
      undefined,
      (key) => fieldLabel(t, key) ?? key,
    );
    return td(
      <>
        <span className="yp-diff__value">{readable.text}</span>
        {readable.truncated && (
          <details className="yp-diff__full">
            <summary>{t('audit.showFull')}</summary>
            <span className="yp-diff__value">{readable.full}</span>
          </details>
        )}
      </>,
    );
  };
  return (
    <tr data-change={change.change} role="row">
      <th scope="row" role="rowheader">
        {/* The field's name, and its key as the API's changes query gives it (for analysts). */}
        {label && <span className="yp-diff__field">{label}</span>}
        {change.key && <code className="yp-code-inline yp-diff__key">{change.key}</code>}
        {change.change !== 'changed' && (
          <span className="yp-meta">{t(change.change === 'added' ? 'audit.added' : 'audit.removed')}</span>
        )}
      </th>
      {cell(change.before, change.change !== 'added', 'yp-diff__before', t('audit.before'))}
      {cell(change.after, change.change !== 'removed', 'yp-diff__after', t('audit.after'))}
    </tr>
  );
}
