import type {
  CreateServiceNeedInput,
  NeedDetailFieldsFragment,
  Priority,
  TargetGroup,
  UpdateServiceNeedInput,
} from '../../graphql/generated/graphql';
import { readWholeNumber, type WholeNumberProblem, type WholeNumberRule } from '../../i18n/numberInput';

/** The need form's values, as edited (strings and lists; empty = not set). */
export interface NeedFormValues {
  title: string;
  summary: string;
  priority: Priority | '';
  targetGroups: TargetGroup[];
  themeCodes: string[];
  municipalityIds: string[];
  partyIds: string[];
  ownerBodyId: string;
  legalBasis: string;
  estimatedResidents: string;
}

/** The fields an action's form checks itself (named as in createAction's and createDecisionAction's input). */
export type ActionField = 'title' | 'ownerPartyId';

/**
 * The checks of a new action's form, the need page's and the meeting room's alike (one rule): a title and the party
 * that owns it. The server checks the rest (a title of at most 300 characters). A due date in the past is taken as it
 * is, unwarned: an action agreed late may be overdue at once, and the lists show it as overdue.
 */
export function actionProblems(v: {
  title: string;
  ownerPartyId: string;
}): Partial<Record<ActionField, 'need.actionTitleRequired' | 'need.ownerRequired'>> {
  const problems: Partial<Record<ActionField, 'need.actionTitleRequired' | 'need.ownerRequired'>> = {};
  if (!v.title.trim()) problems.title = 'need.actionTitleRequired';
  if (!v.ownerPartyId) problems.ownerPartyId = 'need.ownerRequired';
  return problems;
}

/** The form's fields, named as in the mutation input so server field errors map onto them. */
export const needFormFields = [
  'title',
  'summary',
  'priority',
  'targetGroups',
  'themeCodes',
  'municipalityIds',
  'partyIds',
  'ownerBodyId',
  'legalBasis',
  'estimatedResidents',
] as const;
export type NeedFormField = (typeof needFormFields)[number];

export const emptyNeedForm: NeedFormValues = {
  title: '',
  summary: '',
  priority: '',
  targetGroups: [],
  themeCodes: [],
  municipalityIds: [],
  partyIds: [],
  ownerBodyId: '',
  legalBasis: '',
  estimatedResidents: '',
};

/** The form's values for a need as the server has it. A suppressed estimate shows as empty. */
export function formValues(n: NeedDetailFieldsFragment): NeedFormValues {
  return {
    title: n.title,
    summary: n.summary ?? '',
    priority: n.priority ?? '',
    targetGroups: [...n.targetGroups],
    themeCodes: n.themes.map((t) => t.code),
    municipalityIds: n.municipalities.map((m) => m.id),
    partyIds: n.otherParties.map((p) => p.id),
    ownerBodyId: n.ownerBody?.id ?? '',
    legalBasis: n.legalBasis ?? '',
    estimatedResidents: n.estimatedResidents == null ? '' : String(n.estimatedResidents),
  };
}

const norm = (v: string | string[]) => (Array.isArray(v) ? [...v].sort().join('|') : v.trim());
/** True when a field's two values mean the same. */
export const sameField = (a: NeedFormValues, b: NeedFormValues, f: NeedFormField) => norm(a[f]) === norm(b[f]);

/** A client-side check's message. */
export type NeedFormProblem = 'need.titleRequired' | 'need.municipalitiesRequired' | 'need.ownPartyRequired' | WholeNumberProblem;

/** The estimate of residents as the server takes it (needs.inputs.ts): a whole number 0–10 000 000, or none. */
export const residentsRule: WholeNumberRule = { min: 0, max: 10_000_000 };

/**
 * Client-side checks before sending; the server checks again. `ownPartyId`: a representative
 * (not the secretariat) records only needs that concern their own party (needsPolicy.create).
 */
export function validateNeedForm(v: NeedFormValues, ownPartyId?: string): Partial<Record<NeedFormField, NeedFormProblem>> {
  const ownMissing = ownPartyId != null && !v.municipalityIds.includes(ownPartyId) && !v.partyIds.includes(ownPartyId);
  const residents = readWholeNumber(v.estimatedResidents, residentsRule);
  return {
    ...(v.title.trim() === '' ? { title: 'need.titleRequired' as const } : {}),
    ...(v.municipalityIds.length === 0
      ? { municipalityIds: 'need.municipalitiesRequired' as const }
      : ownMissing
        ? { municipalityIds: 'need.ownPartyRequired' as const }
        : {}),
    ...(residents.ok ? {} : { estimatedResidents: residents.problem }),
  };
}

const opt = (s: string) => (s.trim() === '' ? null : s.trim());
/** The estimate as sent: checked by validateNeedForm first, so anything else than a whole number is none. */
const residents = (s: string) => {
  const read = readWholeNumber(s, residentsRule);
  return read.ok ? (read.value ?? null) : null;
};

/** The create input. */
export function toCreateInput(v: NeedFormValues): CreateServiceNeedInput {
  return {
    title: v.title.trim(),
    summary: opt(v.summary),
    priority: v.priority || null,
    targetGroups: v.targetGroups,
    themeCodes: v.themeCodes,
    municipalityIds: v.municipalityIds,
    partyIds: v.partyIds,
    ownerBodyId: v.ownerBodyId || null,
    legalBasis: opt(v.legalBasis),
    estimatedResidents: residents(v.estimatedResidents),
  };
}

/** The update input: only the fields the user changed, so a save never rewrites someone else's field. */
export function toUpdateInput(v: NeedFormValues, edited: readonly NeedFormField[]): UpdateServiceNeedInput {
  const all = toCreateInput(v) as Record<string, unknown>;
  return Object.fromEntries(edited.map((f) => [f, all[f]])) as UpdateServiceNeedInput;
}

/** A version of the need and its values. */
export interface Snapshot {
  version: number;
  values: NeedFormValues;
}

/**
 * The edit state. The form shows the newest values with the user's edits over
 * them: a field the user never touched follows other people's changes, a
 * touched one keeps what the user typed; a refused save keeps the edits for
 * "apply mine" over the newest version.
 */
export interface EditState {
  base: Snapshot;
  latest: Snapshot;
  edits: Partial<NeedFormValues>;
  conflict?: { currentVersion: number; attemptedBase: number } | undefined;
}

export type EditEvent =
  | { type: 'edit'; field: NeedFormField; value: NeedFormValues[NeedFormField] }
  | { type: 'server'; snapshot: Snapshot }
  | { type: 'conflict'; currentVersion: number }
  | { type: 'reset'; snapshot: Snapshot };

export const initialEditState = (s: Snapshot): EditState => ({ base: s, latest: s, edits: {} });

/** What the form shows and a save sends. */
export const currentValues = (s: EditState): NeedFormValues => ({ ...s.latest.values, ...s.edits });

/** The fields the user changed relative to the version they started from. */
export function editedFields(s: EditState): NeedFormField[] {
  const values = currentValues(s);
  return needFormFields.filter((f) => f in s.edits && !sameField(values, s.base.values, f));
}

/** Someone else saved a newer version while the user had unsaved edits. */
export const changedMeanwhile = (s: EditState) => editedFields(s).length > 0 && s.latest.version > s.base.version;

/** Applies one event; a live change never overwrites what the user typed. */
export function editReducer(state: EditState, event: EditEvent): EditState {
  switch (event.type) {
    case 'edit':
      return {
        ...(editedFields(state).length ? state : { ...state, base: state.latest }),
        edits: { ...state.edits, [event.field]: event.value },
      };
    case 'server': {
      if (event.snapshot.version <= state.latest.version) return state;
      const mine = editedFields(state);
      if (mine.length === 0 || mine.every((f) => sameField(currentValues(state), event.snapshot.values, f)))
        return initialEditState(event.snapshot);
      return { ...state, latest: event.snapshot };
    }
    case 'conflict':
      return { ...state, conflict: { currentVersion: event.currentVersion, attemptedBase: state.base.version } };
    case 'reset':
      return initialEditState(event.snapshot);
  }
}
