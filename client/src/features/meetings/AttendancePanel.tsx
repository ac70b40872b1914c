import { Card } from '../../components/Card';
import { SelectField } from '../../components/SelectField';
import { DataTable } from '../../components/DataTable';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError, toApiError, type ApiError } from '../../graphql/errors';
import type { AttendanceStatus, MeetingQuery } from '../../graphql/generated/graphql';
import { errorMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { RecordAttendanceMutation } from './meetings.documents';
import { attendanceLabel, attendanceStatuses } from './meetings.labels';

type Meeting = NonNullable<MeetingQuery['meeting']>;

/**
 * The body's members with their recorded attendance; the secretary records it (present, remote, absent, deputy for whom).
 * The viewer's own row (their account's person) says so in words after the name.
 */
export function AttendancePanel({
  meeting: m,
  presentUserIds,
  viewerId,
}: {
  meeting: Meeting;
  presentUserIds: ReadonlySet<string>;
  viewerId?: string;
}) {
  const { t, name } = useI18n();
  const [, record] = useMutation(RecordAttendanceMutation);
  /** The last refusal and whose row it was: a refused deputy choice is said beside that row's choice. */
  const [error, setError] = useState<{ personId: string; error: ApiError }>();
  const byPerson = new Map(m.attendance.map((a) => [a.person.id, a]));
  const editable = m.viewerCan.recordAttendance;
  const people = m.participants.filter((p) => p.role !== 'OBSERVER');
  // The seats the server says each attendee may stand in for now (`deputyForChoices`, the rule recordAttendance
  // keeps), with the seat already named kept in the list so that the choice shows what is recorded.
  const deputyChoices = (a: Meeting['attendance'][number]) =>
    a.deputyFor && !a.deputyForChoices.some((x) => x.id === a.deputyFor?.id)
      ? [a.deputyFor, ...a.deputyForChoices]
      : a.deputyForChoices;
  async function save(personId: string, status: AttendanceStatus, deputyForPersonId: string | null) {
    setError(undefined);
    const r = await record({ input: { meetingId: m.id, personId, status, deputyForPersonId } });
    const refused = toApiError(r.error);
    if (refused) setError({ personId, error: refused });
  }
  const besideDeputy = (personId: string) =>
    error?.personId === personId &&
    (fieldError(error.error, 'input.deputyForPersonId') ?? fieldError(error.error, 'input.personId')) !== undefined
      ? errorMessage(error.error, t)
      : undefined;
  return (
    <Card headingId="attendance" title={t('meet.attendanceTitle')} className="yp-room__panel" headingClassName="yp-room__h">
      <DataTable
        regionLabel={t('meet.attendanceTable')}
        columns={[t('meet.col.person'), t('meet.col.status'), t('meet.col.deputyFor')]}
        className={editable ? 'yp-table yp-attendance' : undefined}
        headHidden={editable}
        compact
      >
        {people.map((p) => {
          const a = byPerson.get(p.person.id);
          return (
            // Editable: a block per member in the room's narrow column (room.css); the roles keep the table's semantics.
            <tr key={p.id} role="row" data-self={(!!viewerId && p.person.user?.id === viewerId) || undefined}>
              <th scope="row" role="rowheader">
                {p.person.name}
                {!!viewerId && p.person.user?.id === viewerId && <span className="yp-self"> {t('meet.you')}</span>}
                <span className="yp-meta"> {p.party.code ? name(p.party.names) : ''}</span>
              </th>
              <td role="cell" data-label={t('meet.col.status')}>
                {editable ? (
                  <SelectField<AttendanceStatus>
                    id={`attendance-${p.person.id}`}
                    label={t('meet.attendanceOf', { name: p.person.name })}
                    labelMode="hidden"
                    value={a?.status ?? ''}
                    placeholder={t('meet.attendanceUnset')}
                    options={attendanceStatuses.map((s) => ({ value: s, label: attendanceLabel(t, s) }))}
                    onChange={(status) => status && void save(p.person.id, status, a?.deputyFor?.id ?? null)}
                  />
                ) : a ? (
                  attendanceLabel(t, a.status)
                ) : (
                  '–'
                )}
                {presentUserIds.has(p.person.user?.id ?? '') && (
                  <span className="yp-meta yp-attendance__in-room"> {t('meet.inRoom')}</span>
                )}
              </td>
              <td role="cell" data-label={t('meet.col.deputyFor')}>
                {editable && a ? (
                  <SelectField
                    id={`deputy-${p.person.id}`}
                    label={t('meet.deputyOf', { name: p.person.name })}
                    labelMode="hidden"
                    value={a.deputyFor?.id ?? ''}
                    emptyLabel="–"
                    options={deputyChoices(a).map((x) => ({ value: x.id, label: x.name }))}
                    error={besideDeputy(p.person.id)}
                    onChange={(deputy) => void save(p.person.id, a.status, deputy || null)}
                  />
                ) : (
                  (a?.deputyFor?.name ?? '–')
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {error && !besideDeputy(error.personId) && <ErrorAlert error={error.error} />}
    </Card>
  );
}
