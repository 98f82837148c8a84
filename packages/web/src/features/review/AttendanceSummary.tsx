import type { MeetingAttendanceReport } from '@pm/shared';
import { useI18n } from '../../i18n/I18nProvider';

/** Who was there, beside the recording: the lead's attendance report in short. */
export function AttendanceSummary({ report }: { report: MeetingAttendanceReport }) {
  const { t } = useI18n();
  const { summary } = report;
  const absent = report.sites.filter((s) => !s.attended);
  return (
    <section className="panel" aria-labelledby="review-attendance" data-testid="review-attendance">
      <h2 id="review-attendance">{t('review.attendance')}</h2>
      <p>
        {t('review.attended')} <strong>{summary.attended}</strong>/{summary.invited} · {t('review.late')} <strong>{summary.late}</strong>
      </p>
      {absent.length > 0 && (
        <p>
          {t('review.absent')}: {absent.map((s) => s.siteName).join(', ')}
        </p>
      )}
    </section>
  );
}
