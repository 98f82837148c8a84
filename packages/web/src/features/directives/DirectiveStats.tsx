import { directiveStatsGroupings, type ApiQueryInput } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';

type Grouping = (typeof directiveStatsGroupings)[number];

/** The on-time rate under the tracker's filter, per responsible unit or per site group. */
export function DirectiveStats({ query, queryKey }: { query: Omit<ApiQueryInput<'directives.stats'>, 'groupBy'>; queryKey: string }) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<Grouping>('unit');
  const stats = useApiResource(() => callApi('directives.stats', { query: { ...query, groupBy } }), `${queryKey}:${groupBy}`).data;
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t(`directives.stats.${groupBy}`)}</h2>
      <label>
        {t('directives.groupBy')}{' '}
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)} data-testid="directive-stats-grouping">
          {directiveStatsGroupings.map((grouping) => (
            <option key={grouping} value={grouping}>{t(`directives.groupBy.${grouping}`)}</option>
          ))}
        </select>
      </label>
      {groupBy === 'siteGroup' && <p className="muted">{t('directives.stats.siteGroupHint')}</p>}
      {stats?.rows.length === 0 && <p className="notice">{t('directives.statsNone')}</p>}
      {!!stats?.rows.length && (
        <table className="table" data-testid="directive-stats">
          <thead>
            <tr>
              <th>{t(stats.groupBy === 'unit' ? 'directives.unit' : 'report.group')}</th>
              <th>{t('directives.total')}</th>
              <th>{t('directives.done')}</th>
              <th>{t('directives.onTime')}</th>
              <th>{t('directives.overdue')}</th>
              <th>{t('directives.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.rows.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.total}</td>
                <td>{s.done}</td>
                <td>{s.onTime}</td>
                <td>{s.overdue}</td>
                <td>{s.onTimeRate === null ? '—' : `${Math.round(s.onTimeRate * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
