import type { SiteAttendanceRow } from '@pm/shared';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../meeting/components/siteDisplay';
import { useApiResource } from './useApiResource';

/** `/meetings/:id/attendance`: every invited site's attendance, and the three files to download. */
export function AttendanceReportPage({ meetingId }: { meetingId: string }) {
  const { t, language } = useI18n();
  const { data: report, error } = useApiResource(() => callApi('attendance.meeting', { params: { id: meetingId } }), meetingId);
  if (error) return <ErrorNotice error={error} />;
  if (!report) return null;
  const s = report.summary;
  const time = (iso: string | null) => (iso ? formatTime(Date.parse(iso), language) : '—');
  return (
    <section aria-labelledby="report-heading">
      <h1 id="report-heading">
        {t('report.heading')}: {report.meeting.title}
      </h1>
      <p data-testid="report-summary">
        {t('report.invited')} <strong>{s.invited}</strong> · {t('report.attended')} <strong>{s.attended}</strong> ·{' '}
        {t('report.absent')} <strong>{s.absent}</strong> · {t('report.late')} <strong>{s.late}</strong> ·{' '}
        {t('report.leftEarly')} <strong>{s.leftEarly}</strong> · {t('report.headcount')} <strong>{s.headcount}</strong>
      </p>
      <p className="toolbar">
        {t('report.download')}:
        {(['csv', 'xlsx', 'pdf'] as const).map((ext) => (
          <a key={ext} className="button" href={`/api/meetings/${meetingId}/attendance.${ext}`} download>
            {ext.toUpperCase()}
          </a>
        ))}
      </p>
      <table className="report">
        <thead>
          <tr>
            <th>{t('report.unit')}</th>
            <th>{t('report.site')}</th>
            <th>{t('report.firstJoin')}</th>
            <th>{t('report.presence')}</th>
            <th>{t('report.late')}</th>
            <th>{t('report.reconnects')}</th>
            <th>{t('report.headcount')}</th>
            <th>{t('report.rollCalls')}</th>
            <th>{t('report.quality')}</th>
          </tr>
        </thead>
        <tbody>
          {report.sites.map((row: SiteAttendanceRow) => (
            <tr key={row.siteId} className={row.attended ? '' : 'report__absent'} data-site={row.siteCode}>
              <td>{row.groupName}</td>
              <td>{row.siteName}</td>
              <td>{row.attended ? time(row.firstJoin) : t('report.absent')}</td>
              <td>
                {row.presentMinutes} / {row.presencePct}%
              </td>
              <td>{row.lateMinutes === null ? '' : `${row.lateMinutes}′`}</td>
              <td>{row.reconnects || ''}</td>
              <td>{row.headcount ?? ''}</td>
              <td>{row.rollCalls.map((at) => (at ? time(at) : t('report.noAnswer'))).join(' · ')}</td>
              <td>
                {row.quality.avgRttMs === null ? '' : `${row.quality.avgRttMs} ms`}
                {row.quality.avgLossPct === null ? '' : ` · ${row.quality.avgLossPct}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
