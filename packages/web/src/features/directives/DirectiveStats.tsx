import type { ApiQueryInput } from '@pm/shared';
import { callApi } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';

/** Each responsible unit's directives and its on-time rate, under the tracker's filter. */
export function DirectiveStats({ query, queryKey }: { query: ApiQueryInput<'directives.stats'>; queryKey: string }) {
  const { t } = useI18n();
  const stats = useApiResource(() => callApi('directives.stats', { query }), queryKey).data?.units ?? [];
  if (!stats.length) return null;
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('directives.stats')}</h2>
      <table className="table" data-testid="directive-stats">
        <thead>
          <tr>
            <th>{t('directives.unit')}</th>
            <th>{t('directives.total')}</th>
            <th>{t('directives.done')}</th>
            <th>{t('directives.onTime')}</th>
            <th>{t('directives.overdue')}</th>
            <th>{t('directives.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.unit.id}>
              <td>{s.unit.name}</td>
              <td>{s.total}</td>
              <td>{s.done}</td>
              <td>{s.onTime}</td>
              <td>{s.overdue}</td>
              <td>{s.onTimeRate === null ? '—' : `${Math.round(s.onTimeRate * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
