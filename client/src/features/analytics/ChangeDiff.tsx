import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/useI18n';
import { locales } from '../../i18n/i18n';
import { DataTable } from '../../components/DataTable';
import { formatSize } from '../attachments/upload';
import { AuditAgendaQuery } from './analytics.documents';
import { fieldLabel, labelValues } from './analytics.labels';
import { diffChange, editorsText, presentValue, readableValue, type KeyChange, type UserNames } from './analytics.util';
import { sectionTitle } from '../meetings/sectionMark';

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
  entityId,
  before,
  after,
  names,
  users,
  needs,
}: {
  entityType: string;
  /** The record's id: a meeting's, for naming the agenda item its `currentItemId` points at. */
  entityId: string;
  before: unknown;
  after: unknown;
  names: KnownNames;
  /** The people this change refers to by id, as the server names them for the reader. */
  users: UserNames;
  /** The needs this change refers to (`needId`) that the reader may see, by id: their titles. */
  needs: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const changes = diffChange(before, after);
  // The needs' titles join the other names by id (ids are unique across records).
  const ids = useMemo(() => (needs.size ? new Map([...names.ids, ...needs]) : names.ids), [names.ids, needs]);
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
        <DiffRow
          key={change.key}
          entityType={entityType}
          entityId={entityId}
          change={change}
          ids={ids}
          themes={names.themes}
          users={users}
        />
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

/** The agenda item a meeting's `currentItemId` points at, as "3 § title" when the reader may see the agenda, else a plain word. */
function AgendaItemName({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: AuditAgendaQuery, variables: { id: meetingId } });
  const item = data?.meeting?.agenda.find((i) => i.id === itemId);
  const text = item ? sectionTitle(item) : t('audit.agendaItem');
  return <span className="yp-diff__value">{text}</span>;
}

function DiffRow({
  entityType,
  entityId,
  change,
  ids,
  themes,
  users,
}: {
  entityType: string;
  entityId: string;
  change: KeyChange;
  /** Names by id: parties, bodies, people and the needs the reader may see. */
  ids: ReadonlyMap<string, string>;
  themes: KnownNames['themes'];
  users: UserNames;
}) {
  const { t, lang } = useI18n();
  const label = change.key ? fieldLabel(t, change.key) : t('audit.value');
  const cell = (value: unknown, present: boolean, className: string) => {
    if (!present || value === null) return <td className="yp-muted">{t('audit.empty')}</td>;
    if (change.key === 'currentItemId' && entityType === 'meeting' && typeof value === 'string')
      return (
        <td className={className}>
          <AgendaItemName meetingId={entityId} itemId={value} />
        </td>
      );
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
        {/* The field's name, and its key as the API's changes query gives it (for analysts). */}
        {label && <span className="yp-diff__field">{label}</span>}
        {change.key && <code className="yp-code-inline yp-diff__key">{change.key}</code>}
        {change.change !== 'changed' && (
          <span className="yp-meta">{t(change.change === 'added' ? 'audit.added' : 'audit.removed')}</span>
        )}
      </th>
      {cell(change.before, change.change !== 'added', 'yp-diff__before')}
      {cell(change.after, change.change !== 'removed', 'yp-diff__after')}
    </tr>
  );
}
