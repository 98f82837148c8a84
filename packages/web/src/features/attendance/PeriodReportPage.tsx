import type { AttendanceRateRow } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { provinceDay } from '../../i18n/dates';
import { useApiResource } from './useApiResource';
import { DateField } from '../../components/DateFields';

/** The last 30 days up to today, as days of the province's calendar (not the browser's, not UTC). */
export function defaultPeriod(now: Date): { from: string; to: string } {
  return { from: provinceDay(new Date(now.getTime() - 30 * 86_400_000)), to: provinceDay(now) };
}

/** `/attendance`: which sites and units keep missing or coming late over a period. */
export function PeriodReportPage() {
  const { t } = useI18n();
  const [range, setRange] = useState(() => defaultPeriod(new Date()));
  const [draft, setDraft] = useState(range);
  const { data: report, error } = useApiResource(
    () => callApi('attendance.period', { query: range }),
    `${range.from}/${range.to}`,
  );
  const table = (rows: AttendanceRateRow[], name: string) => (
    <table className="report">
      <thead>
        <tr>
          <th>{name}</th>
          <th>{t('report.invited')}</th>
          <th>{t('report.attended')}</th>
          <th>{t('report.missed')}</th>
          <th>{t('report.late')}</th>
          <th>{t('report.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.name}</td>
            <td>{r.invited}</td>
            <td>{r.attended}</td>
            <td>{r.missed}</td>
            <td>{r.late}</td>
            <td>{r.attendancePct}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="period-heading">
      <h1 id="period-heading">{t('report.period')}</h1>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        <label>
          {t('report.from')} <DateField value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        </label>
        <label>
          {t('report.to')} <DateField value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        </label>
        <button type="submit" className="button button--primary">
          {t('report.show')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {report && (
        <>
          <p className="toolbar">
            <span>
              {t('report.meetings')}: <strong>{report.meetings}</strong>
            </span>
            <a className="button" href={`/api/attendance.csv?${new URLSearchParams(range).toString()}`} download>
              {t('report.download')} CSV
            </a>
          </p>
          <h2>{t('report.byUnit')}</h2>
          {report.mergers.length > 0 && (
            <ul className="notice" data-testid="mergers">
              {report.mergers.map((merger) => (
                <li key={merger.predecessorName}>
                  {merger.predecessorName} → {merger.successorName} ({t('report.mergedOn')} {merger.effective}): {t('report.countedUnderSuccessor')}
                </li>
              ))}
            </ul>
          )}
          {table(report.units, t('report.unit'))}
          <h2>{t('report.byGroup')}</h2>
          {table(report.groups, t('report.group'))}
          <h2>{t('report.bySite')}</h2>
          {table(report.sites, t('report.site'))}
        </>
      )}
    </section>
  );
}
