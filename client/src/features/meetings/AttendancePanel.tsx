import { useState } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { AttendanceStatus, MeetingQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { RecordAttendanceMutation } from './meetings.documents';
import { attendanceLabel, attendanceStatuses } from './meetings.labels';

type Meeting = NonNullable<MeetingQuery['meeting']>;

/** The body's members with their recorded attendance; the secretary records it (present, remote, absent, deputy for whom). */
export function AttendancePanel({ meeting: m, presentUserIds }: { meeting: Meeting; presentUserIds: ReadonlySet<string> }) {
  const { t, name } = useI18n();
  const [, record] = useMutation(RecordAttendanceMutation);
  const [error, setError] = useState<ApiError>();
  const byPerson = new Map(m.attendance.map((a) => [a.person.id, a]));
  const editable = m.viewerCan.recordAttendance;
  const people = m.participants.filter((p) => p.role !== 'OBSERVER');
  async function save(personId: string, status: AttendanceStatus, deputyForPersonId: string | null) {
    setError(undefined);
    const r = await record({ input: { meetingId: m.id, personId, status, deputyForPersonId } });
    if (r.error) setError(toApiError(r.error));
  }
  return (
    <section aria-labelledby="attendance" className="yp-room__panel">
      <Heading variant="h2" id="attendance" className="yp-room__h">
        {t('meet.attendanceTitle')}
      </Heading>
      <div className="yp-table-wrap" tabIndex={0} role="region" aria-label={t('meet.attendanceTable')}>
        <table className="yp-table yp-table--compact">
          <thead>
            <tr>
              <th scope="col">{t('meet.col.person')}</th>
              <th scope="col">{t('meet.col.status')}</th>
              <th scope="col">{t('meet.col.deputyFor')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const a = byPerson.get(p.person.id);
              return (
                <tr key={p.id}>
                  <th scope="row">
                    {p.person.name}
                    <span className="yp-meta"> {p.party.code ? name(p.party.names) : ''}</span>
                  </th>
                  <td>
                    {editable ? (
                      <select
                        aria-label={t('meet.attendanceOf', { name: p.person.name })}
                        value={a?.status ?? ''}
                        onChange={(e) => void save(p.person.id, e.target.value as AttendanceStatus, a?.deputyFor?.id ?? null)}
                      >
                        <option value="" disabled>
                          {t('meet.attendanceUnset')}
                        </option>
                        {attendanceStatuses.map((s) => (
                          <option key={s} value={s}>
                            {attendanceLabel(t, s)}
                          </option>
                        ))}
                      </select>
                    ) : a ? (
                      attendanceLabel(t, a.status)
                    ) : (
                      '–'
                    )}
                    {presentUserIds.has(p.person.user?.id ?? '') && (
                      <span className="yp-meta yp-attendance__in-room"> {t('meet.inRoom')}</span>
                    )}
                  </td>
                  <td>
                    {editable && a ? (
                      <select
                        aria-label={t('meet.deputyOf', { name: p.person.name })}
                        value={a.deputyFor?.id ?? ''}
                        onChange={(e) => void save(p.person.id, a.status, e.target.value || null)}
                      >
                        <option value="">–</option>
                        {people
                          .filter((x) => x.person.id !== p.person.id)
                          .map((x) => (
                            <option key={x.id} value={x.person.id}>
                              {x.person.name}
                            </option>
                          ))}
                      </select>
                    ) : (
                      (a?.deputyFor?.name ?? '–')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
