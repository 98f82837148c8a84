import type { Unit, UnitHistoryEvent } from '@pm/shared';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useI18n } from '../../../i18n/I18nProvider';
import { useApiResource } from '../../attendance/useApiResource';
import { shortDay } from '../../directives/DirectiveStatus';

/**
 * The chosen unit's reorganisations, day by day: what the records of earlier meetings still show
 * and why. Loaded again whenever a change shows in the unit (its name, state or rooms).
 */
export function UnitHistory({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const { data, error } = useApiResource(
    () => callApi('units.history', { params: { id: unit.id } }),
    `${unit.id}:${unit.name}:${unit.disabled}:${unit.siteCount}`,
  );
  const describe = (event: UnitHistoryEvent): string => {
    switch (event.kind) {
      case 'renamed':
        return `${t('unitHistory.renamed')} ${event.from} → ${event.to}`;
      case 'mergedIn':
        return `${t('unitHistory.mergedIn')} ${event.unitName}`;
      case 'mergedInto':
        return `${t('unitHistory.mergedInto')} ${event.unitName}`;
      case 'retired':
        return t('unitHistory.retired');
      case 'roomIn':
        return `${t('unitHistory.roomIn')} ${event.siteName} (${t('unitHistory.from')} ${event.unitName})`;
      case 'roomOut':
        return `${t('unitHistory.roomOut')} ${event.siteName} (${t('unitHistory.to')} ${event.unitName})`;
    }
  };
  return (
    <section className="panel" aria-labelledby="unit-history-heading">
      <h2 id="unit-history-heading">{t('unitHistory.heading')}</h2>
      <ErrorNotice error={error} />
      {data?.events.length === 0 && <p className="muted">{t('unitHistory.none')}</p>}
      {!!data?.events.length && (
        <ol data-testid="unit-history">
          {data.events.map((event, index) => (
            <li key={index}>
              <strong>{shortDay(event.day)}</strong> — {describe(event)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
