import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectFloor, selectSites, wallCounts, wallStatuses } from '../state/selectors';

/**
 * The wall's counters, which double as its legend: each status in the colour of its tiles, with
 * how many sites show it; and how many of the invited sites are present.
 */
export function WallCounters() {
  const { t } = useI18n();
  const counts = wallCounts(useMeetingState(selectSites), useMeetingState(selectFloor));
  return (
    <div className="wall-counters" aria-label={t('wall.legend')} data-testid="wall-counters">
      <span className="wall-counters__present">
        {t('wall.present')}: <strong data-testid="count-present">{counts.present}</strong>/{counts.invited}
      </span>
      {wallStatuses.map((status) => (
        <span key={status} className={`wall-counter wall-counter--${status}`} data-testid={`count-${status}`}>
          <span className="wall-counter__swatch" aria-hidden="true" />
          {t(`status.${status}`)}: <strong>{counts[status]}</strong>
        </span>
      ))}
    </div>
  );
}
