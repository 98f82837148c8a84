import { foldText, type MeetingAttendanceReport } from '@pm/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Who was there, beside the recording: the attendance report in short. The absent sites are a
 * list grouped by unit, scrolled inside its box and searchable, so 348 of them stay readable.
 */
export function AttendanceSummary({ report }: { report: MeetingAttendanceReport }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const { summary } = report;
  const needle = foldText(search.trim());
  const absent = report.sites.filter((s) => !s.attended && (!needle || foldText(`${s.siteName} ${s.groupName}`).includes(needle)));
  // The report lists sites by unit already: consecutive rows of one unit form its group.
  const groups: Array<{ name: string; sites: string[] }> = [];
  for (const site of absent) {
    const last = groups[groups.length - 1];
    if (last?.name === site.groupName) last.sites.push(site.siteName);
    else groups.push({ name: site.groupName, sites: [site.siteName] });
  }
  return (
    <section className="panel" aria-labelledby="review-attendance" data-testid="review-attendance">
      <h2 id="review-attendance">{t('review.attendance')}</h2>
      <p>
        {t('review.attended')} <strong>{summary.attended}</strong>/{summary.invited} · {t('review.late')} <strong>{summary.late}</strong> ·{' '}
        {t('review.absent')} <strong>{summary.absent}</strong>
      </p>
      {summary.absent > 0 && (
        <>
          <h3>
            {t('review.absent')} ({summary.absent})
          </h3>
          <input
            type="search"
            className="absent-filter"
            placeholder={t('review.absentSearch')}
            aria-label={t('review.absentSearch')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <ul className="absent-list" data-testid="absent-sites">
            {groups.map((group) => (
              <li key={group.name}>
                <strong>
                  {group.name} ({group.sites.length})
                </strong>
                <ul>
                  {group.sites.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
