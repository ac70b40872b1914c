import { errorCodes, type ErrorCode } from '../../graphql/errors';
import { sectionTitle } from '../meetings/sectionMark';
import {
  formatDate,
  formatDateTime,
  formatRecordedNumber,
  locales,
  type Language,
  type MessageKey,
  type Translate,
} from '../../i18n/i18n';

/** How one top-level key of a record changed between `before` and `after`. */
export interface KeyChange {
  /** The key; empty when the record itself is not an object (a bare value or a list). */
  key: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equality of two JSON values, key order ignored (the server's jsonb does not keep it). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * The keys a change event touched, in a stable order (the record's own order,
 * then keys only `after` has). A key absent on one side is added or removed;
 * null and absent are told apart, because the server records "set to null".
 * Equal values are left out: an audit reader wants what changed.
 */
export function diffChange(before: unknown, after: unknown): KeyChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if (!isRecord(before) && !isRecord(after)) {
    if (jsonEqual(before, after)) return [];
    return [{ key: '', change: !hasBefore ? 'added' : !hasAfter ? 'removed' : 'changed', before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: KeyChange[] = [];
  for (const key of keys) {
    const inBefore = key in b;
    const inAfter = key in a;
    if (inBefore && inAfter && jsonEqual(b[key], a[key])) continue;
    changes.push({
      key,
      change: !inBefore ? 'added' : !inAfter ? 'removed' : 'changed',
      before: b[key],
      after: a[key],
    });
  }
  return changes;
}

/** A value readable in the diff: `text` to show (cut to `max` with "…"), `full` for whoever wants the rest. */
export interface ReadableValue {
  /** One or more lines ("\n" between the keys of an object). */
  text: string;
  /** The whole value, the same way. */
  full: string;
  truncated: boolean;
}

/** The label a record carries for people (`label`, `name`, `title`, `names.fi`), if any. */
function labelOf(value: Record<string, unknown>): string | undefined {
  for (const key of ['label', 'name', 'title', 'displayName'] as const) {
    const v = value[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  const names = value.names;
  if (isRecord(names) && typeof names.fi === 'string') return names.fi;
  return undefined;
}

/** A value on one line: lists joined by commas, records by their label or as "key: value" pairs in brackets. */
/** A record key as shown: the key itself, unless the caller names it. */
type KeyName = (key: string) => string;
const asIs: KeyName = (key) => key;

function inline(value: unknown, keyName: KeyName = asIs): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((item) => inline(item, keyName)).join(', ');
  const label = labelOf(value as Record<string, unknown>);
  if (label !== undefined) return label;
  return `(${Object.entries(value)
    .map(([k, v]) => `${keyName(k)}: ${inline(v, keyName)}`)
    .join(', ')})`;
}

/**
 * A recorded JSON value as people read it, not as JSON: a list of records with a label or name becomes
 * their labels joined ("Somaattisen sairaanhoidon…, Lapset"), a record becomes "key: value" lines, other
 * lists are joined by commas; text past `max` characters is cut with "…" and the whole kept in `full`.
 * `keyName` names a record's keys (the audit trail's field names); default the keys as they are.
 */
export function readableValue(value: unknown, max = 160, keyName: KeyName = asIs): ReadableValue {
  const full =
    isRecord(value) && labelOf(value) === undefined
      ? Object.entries(value)
          .map(([k, v]) => `${keyName(k)}: ${inline(v, keyName)}`)
          .join('\n')
      : inline(value, keyName) || '–';
  const truncated = full.length > max;
  return { text: truncated ? `${full.slice(0, max - 1).trimEnd()}…` : full, full, truncated };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Whether a recorded key holds a user's id: `userId` and `…UserId` (`createdByUserId`, `recordedByUserId`, a
 * need's `fieldProvenance.<field>.userId`), the keys whose users the server lists in `referencedUsers`.
 */
export const isUserKey = (key: string): boolean => key === 'userId' || key.endsWith('UserId');

/**
 * The people a change refers to by id: the names the server gave for this reader (`ChangeEvent.referencedUsers`),
 * and the neutral word for an id it did not name (one the reader may not put a name to, or an account gone).
 */
export interface UserNames {
  names: ReadonlyMap<string, string>;
  unnamed: string;
}

/**
 * A recorded value as the reader's language writes it, before `readableValue`: dates and times
 * ("2026-05-08T21:23:44.195Z" is "9.5.2026 klo 0.23" in Finnish, in Finland's time) and the ids of
 * known records (`names`: the parties) as their names, also inside lists and records. A user's id (under
 * a key `isUserKey` knows; `key` is the value's own) is the person's name from `users`, else `users.unnamed`:
 * never the id itself, and never a name the server did not give.
 */
export function presentValue(
  value: unknown,
  lang: Language,
  names: ReadonlyMap<string, string>,
  users?: UserNames,
  key?: string,
): unknown {
  if (users && key !== undefined && isUserKey(key) && typeof value === 'string') return users.names.get(value) ?? users.unnamed;
  if (typeof value === 'string') {
    const name = names.get(value);
    if (name !== undefined) return name;
    if (ISO_DATE.test(value)) return formatDate(value, lang);
    if (ISO_DATE_TIME.test(value)) return formatDateTime(value, lang);
    return value;
  }
  if (typeof value === 'number') return formatRecordedNumber(value, lang);
  if (Array.isArray(value)) return value.map((item) => presentValue(item, lang, names, users));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, presentValue(v, lang, names, users, k)]));
  return value;
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "5 minutes ago" / "5 minuuttia sitten" in the UI language: the largest
 * whole unit, and "now" under ten seconds (clocks differ by a few seconds).
 */
export function relativeTime(iso: string, now: number, lang: Language): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locales[lang], { numeric: 'auto' });
  if (Math.abs(seconds) < 10) return format.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A curl command that asks this server something small with a token, for the "token created" panel. */
export function curlExample(origin: string, token: string): string {
  const body = JSON.stringify({
    query:
      '{ changes(first: 5) { totalCount pageInfo { endCursor hasNextPage } edges { node { at name entityType entityId } } } }',
  });
  return [
    `curl -sS ${origin}/graphql \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -d '${body}'`,
  ].join('\n');
}

/** A disclosure's outcome split into its codes (`ok`, or `FORBIDDEN,BAD_USER_INPUT`). */
export function outcomeCodes(outcome: string): string[] {
  return outcome
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/** A disclosure's refusal code in words ("ei oikeutta" for FORBIDDEN); a code the client does not know shows as it is. */
export const disclosureOutcomeLabel = (t: Translate, code: string): string =>
  (errorCodes as readonly string[]).includes(code) || (requestErrorCodes as readonly string[]).includes(code)
    ? t(`disclosures.outcome.${code as ErrorCode | RequestErrorCode}`)
    : code;

/** The codes Apollo gives a request refused before it runs (a query that does not parse or fit the schema), beside the contract's. */
export const requestErrorCodes = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
type RequestErrorCode = (typeof requestErrorCodes)[number];

/** Distinct options by id in first-seen order, for filters built from the rows loaded so far. */
export function distinctById<T extends { id: string }>(items: Iterable<T | null | undefined>): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (item && !seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/** The audit trail's filters as its URL keeps them (`?type=meeting&author=PERSON`). */
export interface AuditFilters {
  entityType?: string;
  author?: 'PERSON' | 'SYSTEM';
}

/**
 * The audit trail's filters from its URL: a type the trail offers (`types`) and an author (`PERSON`, `SYSTEM`);
 * anything else (an old link, a typo) is no filter.
 */
export function readAuditFilters(params: URLSearchParams, types: readonly string[]): AuditFilters {
  const type = params.get('type');
  const author = params.get('author');
  return {
    entityType: type && types.includes(type) ? type : undefined,
    author: author === 'PERSON' || author === 'SYSTEM' ? author : undefined,
  };
}

/** The URL's query for these filters, keeping the URL's other parameters; none for no filter. */
export function writeAuditFilters(filters: AuditFilters, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filters.entityType) next.set('type', filters.entityType);
  else next.delete('type');
  if (filters.author) next.set('author', filters.author);
  else next.delete('author');
  return next;
}

/**
 * A snapshot's need ids (`needId`) as the titles of the needs the server listed for this reader
 * (`ChangeEvent.referencedNeeds`); an id it did not list (a need the reader may not see) stays an id.
 */
export function needTitles(needs: readonly { id: string; title: string }[]): ReadonlyMap<string, string> {
  return new Map(needs.map((n) => [n.id, n.title]));
}

/**
 * A snapshot's agenda item ids (a meeting's `currentItemId`, an action's `agendaItemId`) as "3 § title" (the title
 * alone while the item has no § number), for the items the server listed for this reader
 * (`ChangeEvent.referencedAgendaItems`).
 */
export function agendaItemNames(
  items: readonly { id: string; section?: number | null; title: string }[],
): ReadonlyMap<string, string> {
  return new Map(items.map((i) => [i.id, sectionTitle(i)]));
}

/** The goals, indicators and actions the server named for this reader (`ChangeEvent.referencedRecords`), by id. */
export function recordNames(records: readonly { entityId: string; title: string }[]): ReadonlyMap<string, string> {
  return new Map(records.map((r) => [r.entityId, r.title]));
}

/**
 * Keys whose values are ids of records the server names only for a reader who may see them: the plain word
 * (a message key) to show for an id it did not name, never the id itself.
 */
export const REFERENCE_WORDS: Readonly<Record<string, MessageKey>> = {
  currentItemId: 'audit.agendaItem',
  agendaItemId: 'audit.agendaItem',
  goalId: 'audit.goal',
  indicatorId: 'audit.indicator',
  actionId: 'audit.action',
  actionIds: 'audit.action',
};

/**
 * A referring key's value (an id, or a list of ids) by the names `ids` knows, else `word` for each: "Tavoite A",
 * ["Toimi 1", "toimenpide"]. Anything else stays as it is.
 */
export function namedReference(value: unknown, ids: ReadonlyMap<string, string>, word: string): unknown {
  if (typeof value === 'string') return ids.get(value) ?? word;
  if (Array.isArray(value)) return value.map((id) => (typeof id === 'string' ? (ids.get(id) ?? word) : id));
  return value;
}

/**
 * A document batch's recorded `editors` (`{ userId, partyId, updates }` each) as lines people read: "Maija
 * Meikäläinen (Jyväskylä): 3 muokkausta", the user named as `users` names them, the party by `ids`; anything
 * else stays as it is.
 */
export function editorsText(
  value: unknown,
  users: UserNames,
  ids: ReadonlyMap<string, string>,
  edits: (count: number) => string,
): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((editor: unknown) => {
    if (!isRecord(editor) || typeof editor.userId !== 'string') return editor;
    const who = users.names.get(editor.userId) ?? users.unnamed;
    const party = typeof editor.partyId === 'string' ? ids.get(editor.partyId) : undefined;
    const count = typeof editor.updates === 'number' ? `: ${edits(editor.updates)}` : '';
    return `${who}${party ? ` (${party})` : ''}${count}`;
  });
}
