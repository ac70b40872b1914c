/** Pure helpers of the need's history timeline: snapshot values in words, and which party an event is about. */

/** A history entry's changed field (the API's name) → its key in the stored before/after snapshots. */
export const SNAPSHOT_KEY: Readonly<Record<string, string>> = {
  themes: 'themeCodes',
  municipalities: 'municipalityIds',
  otherParties: 'partyIds',
  ownerBody: 'ownerBodyId',
  ownerParty: 'ownerPartyId',
};

/** Snapshot keys whose values are party ids (one or a list), shown as the parties' names. */
const PARTY_KEYS = new Set(['municipalityIds', 'partyIds', 'ownerPartyId', 'partyId']);

/** Looks a party's name up by id; undefined when the party is not known to the page. */
export type PartyNameOf = (id: string) => string | undefined;

/** Whether a snapshot value is empty (nothing, an empty text or list): the history says so in a word, not as a dash. */
export const isEmptyValue = (value: unknown): boolean =>
  value == null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * A before/after value in short words: lists joined, nothing as a dash, long
 * text cut at 120 characters, and party ids (under `key`) as the parties' names.
 */
export function shortValue(value: unknown, key?: string, partyName?: PartyNameOf): string {
  if (value == null || value === '') return '–';
  const one = (v: unknown): string => {
    if (typeof v === 'string' && key && PARTY_KEYS.has(key) && partyName) return partyName(v) ?? v;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  if (Array.isArray(value)) return value.length ? value.map(one).join(', ') : '–';
  const s = one(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/**
 * The party a history entry is about: a responsibility's party or an action's
 * owner (after the change, else before it); undefined for the need's own events.
 */
export function eventPartyId(
  name: string,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string | undefined {
  const key = name.startsWith('responsibility.') ? 'partyId' : name.startsWith('action.') ? 'ownerPartyId' : undefined;
  if (!key) return undefined;
  const id = after[key] ?? before[key];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The fields an action's history line words, as the API names them, in the order shown. */
const ACTION_FIELDS: readonly string[] = ['status', 'title', 'dueDate', 'ownerParty', 'description'];

/** How an action's values read in the UI's language: its status, a date, a party's name. */
export interface ActionValueWords {
  status: (status: string) => string;
  date: (isoDate: string) => string;
  partyName: PartyNameOf;
}

/** One changed field of an action in words: the value before and after, null when it was or became empty. */
export interface ActionChange {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * What an update of an action changed, field by field and in words (a status as its label, a due date as a date, the
 * owner as the party's name): only the fields the entry names (`changedFields`), so a new due date is never shown as a
 * status "Käynnissä → Käynnissä".
 */
export function actionChanges(
  changedFields: readonly string[],
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  words: ActionValueWords,
): ActionChange[] {
  const word = (field: string, value: unknown): string | null => {
    if (isEmptyValue(value)) return null;
    if (typeof value === 'string') {
      if (field === 'status') return words.status(value);
      if (field === 'dueDate') return words.date(value);
      if (field === 'ownerParty') return words.partyName(value) ?? value;
    }
    return shortValue(value);
  };
  return ACTION_FIELDS.filter((f) => changedFields.includes(f)).map((field) => {
    const key = SNAPSHOT_KEY[field] ?? field;
    return { field, before: word(field, before[key]), after: word(field, after[key]) };
  });
}
