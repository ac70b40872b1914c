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
export function formValues(party: { names: { fi: string; sv?: string | null; en?: string | null }; subRegion?: string | null }): PartyFormValues {
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
  return { names: { fi: norm(values.fi), sv: optional(values.sv), en: optional(values.en) }, subRegion: optional(values.subRegion) };
}

/**
 * The user's edits laid over someone else's newer values: a field the user
 * changed keeps the user's value, every other field takes theirs. This is what
 * "apply mine again" saves, so it does not undo the other person's changes to
 * fields the user never touched.
 */
export function mergeEdits(base: PartyFormValues, mine: PartyFormValues, theirs: PartyFormValues): PartyFormValues {
  return partyFormFields.reduce(
    (merged, field) => (norm(fieldValue(mine, field)) !== norm(fieldValue(base, field)) ? withField(merged, field, fieldValue(mine, field)) : merged),
    theirs,
  );
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

/** The edit form's state: what it was based on, what the user typed, and what happened meanwhile. */
export interface EditState {
  /** The version the form shows and sends as expectedVersion. */
  base: Snapshot;
  values: PartyFormValues;
  /** A newer version that arrived while the user had unsaved edits; the edits were kept. */
  remote?: Snapshot | undefined;
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

/** The state for a party as loaded. */
export function initialEditState(snapshot: Snapshot): EditState {
  return { base: snapshot, values: snapshot.values };
}

/** True when the form differs from the version it was based on. */
export function isDirty(state: EditState): boolean {
  return !sameValues(state.values, state.base.values);
}

/** Applies one event; a live change never overwrites unsaved edits silently. */
export function editReducer(state: EditState, event: EditEvent): EditState {
  switch (event.type) {
    case 'edit':
      return { ...state, values: withField(state.values, event.field, event.value) };
    case 'server': {
      const { snapshot } = event;
      if (snapshot.version <= state.base.version) return state;
      // Nothing to lose when the form is clean or already says what the server now says
      // (also the case when our own save's event arrives before the mutation's answer).
      if (!isDirty(state) || sameValues(state.values, snapshot.values)) return initialEditState(snapshot);
      return { ...state, remote: snapshot };
    }
    case 'saved':
    case 'reset':
      return initialEditState(event.snapshot);
    case 'conflict':
      return { ...state, conflict: { currentVersion: event.currentVersion, attemptedBase: state.base.version } };
  }
}
