import type { EditLockReason } from '../../graphql/generated/graphql';
import type { MessageKey, Translate } from '../../i18n/i18n';

/** The minutes editor's words for each reason the server gives; any other says plain "Vain luku". */
const MINUTES: Partial<Record<EditLockReason, MessageKey>> = {
  CHECKED: 'meet.editor.readOnly.checked',
  BEING_CHECKED: 'meet.editor.readOnly.beingChecked',
  PUBLISHED: 'meet.editor.readOnly.published',
  PAST_STATE: 'meet.editor.readOnly.pastState',
  OBSERVER: 'meet.editor.readOnly.observer',
  NOT_MEMBER: 'meet.editor.readOnly.notMember',
};

/** A decision wording editor's words for each reason the server gives; any other says plain "Vain luku". */
const DECISION_WORDING: Partial<Record<EditLockReason, MessageKey>> = {
  CLOSED: 'meet.decisionEditor.readOnly.closed',
  PAST_STATE: 'meet.editor.readOnly.pastState',
  OBSERVER: 'meet.decisionEditor.readOnly.observer',
  NOT_MEMBER: 'meet.decisionEditor.readOnly.notMember',
};

/**
 * What a read-only co-edited editor says ("Vain luku: …"): the reason the server gives for the document
 * (`editLockReason`, from the same rule that refuses the caller's updates) in words for the minutes or for
 * a decision's wording; plain "Vain luku" for a reason without words of its own, or none.
 */
export function readOnlyReason(
  t: Translate,
  document: 'minutes' | 'decisionWording',
  reason: EditLockReason | null | undefined,
): string {
  const key = reason ? (document === 'minutes' ? MINUTES : DECISION_WORDING)[reason] : undefined;
  return t(key ?? 'meet.editor.readOnly');
}
