import type { Translate } from '../../i18n/i18n';
import { decisionWordingLock, minutesLock } from './meetings.rules';
import type { MeetingStatus } from '../../graphql/generated/graphql';

/**
 * What the room's read-only editors say ("Vain luku: …"), for the minutes and for a decision's wording: why the
 * caller may not write, from the meeting's status and the caller's roles among the body's members; plain
 * "Vain luku" when the room cannot tell. Shown only where the server said the caller may not edit (`canEdit`).
 */
export function readOnlyReasons(
  t: Translate,
  meeting: { status: MeetingStatus; participants: readonly { role: string; person: { user?: { id: string } | null } }[] },
  userId: string | undefined,
): { minutes: string; decisionWording: string } {
  const myRoles = meeting.participants.filter((p) => userId && p.person.user?.id === userId).map((p) => p.role);
  const minutes = minutesLock(meeting.status, myRoles);
  const wording = decisionWordingLock(meeting.status, myRoles);
  return {
    minutes: t(minutes === 'unknown' ? 'meet.editor.readOnly' : `meet.editor.readOnly.${minutes}`),
    decisionWording: t(wording === 'unknown' ? 'meet.editor.readOnly' : `meet.decisionEditor.readOnly.${wording}`),
  };
}
