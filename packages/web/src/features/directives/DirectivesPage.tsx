import { can, directiveStatuses, type DirectiveStatus as Status, type Identity } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';
import { DirectiveStats } from './DirectiveStats';
import { DirectiveStatus, shortDay } from './DirectiveStatus';
import { unitOptions } from './unitOptions';
import '../minutes/minutes.css';
import { DateField } from '../../components/DateFields';

/**
 * `/directives`: every directive the account follows, across meetings: by unit, status, overdue
 * and deadline period, with each unit's on-time rate. A meeting room sees its own unit's.
 */
export function DirectivesPage({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState({ unitId: '', status: '' as Status | '', overdue: false, from: '', to: '' });
  const query = {
    unitId: filter.unitId || undefined,
    status: filter.status || undefined,
    overdue: filter.overdue ? ('true' as const) : undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
  };
  const key = JSON.stringify(query);
  const list = useApiResource(() => callApi('directives.list', { query }), key);
  const units = useApiResource(() => (can(identity.role, 'directory.read') ? callApi('units.list') : Promise.resolve({ units: [] })), 'units');
  const set = (patch: Partial<typeof filter>) => setFilter({ ...filter, ...patch });

  return (
    <section aria-labelledby="directives-heading">
      <h1 id="directives-heading">{t('directives.heading')}</h1>
      <div className="toolbar" role="search">
        {!!units.data?.units.length && (
          <label>
            {t('directives.unit')}{' '}
            <select value={filter.unitId} onChange={(e) => set({ unitId: e.target.value })}>
              <option value="">{t('directives.all')}</option>
              {unitOptions(units.data.units).map((o) => (
                <option key={o.id} value={o.id}>{o.label}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('directives.status')}{' '}
          <select value={filter.status} onChange={(e) => set({ status: e.target.value as Status | '' })}>
            <option value="">{t('directives.all')}</option>
            {directiveStatuses.map((s) => (
              <option key={s} value={s}>{t(`directives.status.${s}`)}</option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filter.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
          {t('directives.overdueOnly')}
        </label>
        <label>
          {t('directives.from')} <DateField value={filter.from} onChange={(from) => set({ from })} />
        </label>
        <label>
          {t('directives.to')} <DateField value={filter.to} onChange={(to) => set({ to })} />
        </label>
      </div>
      <ErrorNotice error={list.error} />
      {list.data?.directives.length === 0 && <p className="notice">{t('directives.none')}</p>}
      {!!list.data?.directives.length && (
        <table className="table" data-testid="directive-list">
          <thead>
            <tr>
              <th>{t('directives.content')}</th>
              <th>{t('directives.responsible')}</th>
              <th>{t('directives.deadline')}</th>
              <th>{t('directives.status')}</th>
              <th>{t('directives.meeting')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.directives.map((d) => (
              <tr key={d.id} className={d.overdue ? 'directive--overdue' : ''} data-directive-id={d.id}>
                <td>
                  <Link href={`/directives/${encodeURIComponent(d.id)}`}>{d.content}</Link>
                </td>
                <td>{d.responsibleUnits.map((u) => u.name).join(', ')}</td>
                <td>{shortDay(d.deadline)}</td>
                <td>
                  <DirectiveStatus directive={d} />
                </td>
                <td>{d.meeting.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DirectiveStats query={query} queryKey={key} />
    </section>
  );
}
