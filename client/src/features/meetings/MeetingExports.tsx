import { useI18n } from '../../i18n/useI18n';
import { ExportLinks } from '../dashboard/ExportLinks';

/** A meeting's decisions and attendance as CSV and Excel (what the signed-in user may read of them). */
export function MeetingExports({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  return (
    <div className="yp-export-stack yp-no-print">
      {(['decisions', 'attendance'] as const).map((name) => (
        <ExportLinks
          key={name}
          name={name}
          filters={{ meeting: meetingId }}
          title={t(`exports.${name}`)}
          compact
          testId={`${name}-export`}
        />
      ))}
    </div>
  );
}
