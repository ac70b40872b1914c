import type { UpdatePartyInput } from '../../graphql/generated/graphql';
import type { MessageKey } from '../../i18n/i18n';

/** The edit form's values, as typed (empty string = not set). */
export interface PartyFormValues {
  fi: string;
  sv: string;
  en: string;
  subRegion: string;
}

/** The form's fields, named by their path in UpdatePartyInput so server field errors map onto them. */
export const partyFormFields = ['names.fi', 'names.sv', 'names.en', 'subRegion'] as const;

/** One of partyFormFields. */
export type PartyFormField = (typeof partyFormFields)[number];

/** The value of a field. */
export function fieldValue(values: PartyFormValues, field: PartyFormField): string {
  switch (field) {
    case 'names.fi':
      return values.fi;
    case 'names.sv':
      return values.sv;
    case 'names.en':
      return values.en;
    case 'subRegion':
      return values.subRegion;
  }
}

/** Returns values with one field changed. */
export function withField(values: PartyFormValues, field: PartyFormField, value: string): PartyFormValues {
  const key = field === 'subRegion' ? 'subRegion' : (field.slice('names.'.length) as 'fi' | 'sv' | 'en');
  return { ...values, [key]: value };
}

/** The form's values for a party as the server has it. */
export function formValues(party: {
  names: { fi: string; sv?: string | null; en?: string | null };
  subRegion?: string | null;
}): PartyFormValues {
  return { fi: party.names.fi, sv: party.names.sv ?? '', en: party.names.en ?? '', subRegion: party.subRegion ?? '' };
}

const norm = (value: string) => value.trim();

/** Equal as the server would store them (surrounding spaces do not count). */
export function sameValues(a: PartyFormValues, b: PartyFormValues): boolean {
  return partyFormFields.every((field) => norm(fieldValue(a, field)) === norm(fieldValue(b, field)));
}

/** The mutation input; an emptied optional field is sent as null, which clears it. */
export function toUpdateInput(values: PartyFormValues): UpdatePartyInput {
  const optional = (value: string) => (norm(value) === '' ? null : norm(value));
  return {
    names: { fi: norm(values.fi), sv: optional(values.sv), en: optional(values.en) },
    subRegion: optional(values.subRegion),
  };
}

/** Client-side checks before sending; the server checks again and may refuse more. */
export function validatePartyForm(values: PartyFormValues): Partial<Record<PartyFormField, MessageKey>> {
  return norm(values.fi) === '' ? { 'names.fi': 'edit.fiRequired' } : {};
}

/** A version of the party and its values. */
export interface Snapshot {
  version: number;
  values: PartyFormValues;
}

/** The fields the user typed in, with what they typed. */
export type Edits = Partial<Record<PartyFormField, string>>;

/**
 * The edit form's state. The form shows the newest known values with the
 * user's edits laid over them, so a field the user never touched follows other
 * people's changes while a touched one keeps what the user typed.
 */
export interface EditState {
  /** The version the user started editing from; a save names it as expectedVersion. */
  base: Snapshot;
  /** The newest version known (from a live event or a refetch). */
  latest: Snapshot;
  edits: Edits;
  /** The server refused a save: the record is now at currentVersion. */
  conflict?: { currentVersion: number; attemptedBase: number } | undefined;
}

/** Events of the edit form. */
export type EditEvent =
  | { type: 'edit'; field: PartyFormField; value: string }
  | { type: 'server'; snapshot: Snapshot }
  | { type: 'saved'; snapshot: Snapshot }
  | { type: 'conflict'; currentVersion: number }
  | { type: 'reset'; snapshot: Snapshot };

/** A clean form for a party as loaded. */
export function initialEditState(snapshot: Snapshot): EditState {
  return { base: snapshot, latest: snapshot, edits: {} };
}

const overlay = (values: PartyFormValues, edits: Edits): PartyFormValues =>
  partyFormFields.reduce((acc, field) => {
    const edit = edits[field];
    return edit === undefined ? acc : withField(acc, field, edit);
  }, values);

/** What the form shows, and what a save sends: the newest values with the user's edits over them. */
export function currentValues(state: EditState): PartyFormValues {
  return overlay(state.latest.values, state.edits);
}

/** True when the user changed something relative to the version they started from. */
export function isDirty(state: EditState): boolean {
  return partyFormFields.some((field) => {
    const edit = state.edits[field];
    return edit !== undefined && norm(edit) !== norm(fieldValue(state.base.values, field));
  });
}

/** True when someone else saved a newer version while the user had unsaved edits. */
export function changedMeanwhile(state: EditState): boolean {
  return isDirty(state) && state.latest.version > state.base.version;
}

/** Applies one event; a live change never overwrites what the user typed. */
export function editReducer(state: EditState, event: EditEvent): EditState {
  switch (event.type) {
    case 'edit':
      // A clean form starts editing from what it shows.
      return {
        ...(isDirty(state) ? state : { ...state, base: state.latest }),
        edits: { ...state.edits, [event.field]: event.value },
      };
    case 'server': {
      const { snapshot } = event;
      if (snapshot.version <= state.latest.version) return state;
      // Nothing to protect when the form is clean or already says what the server now says
      // (also the case when our own save's event arrives before the mutation's answer).
      if (!isDirty(state) || sameValues(currentValues(state), snapshot.values)) return initialEditState(snapshot);
      return { ...state, latest: snapshot };
    }
    case 'saved':
    case 'reset':
      return initialEditState(event.snapshot);
    case 'conflict':
      return { ...state, conflict: { currentVersion: event.currentVersion, attemptedBase: state.base.version } };
  }
}
