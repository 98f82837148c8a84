import { useDeferredValue, useState } from 'react';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectFloor, selectSites } from '../state/selectors';
import { statusLabel } from './siteDisplay';
import { pickSites } from './sitePicking';

/**
 * The chair's way to any invited site, beside the programme and the queue: type part of a name
 * (diacritics optional), then give it the floor or put it on every screen. The list scrolls inside
 * its column, so 348 sites never push the console below the fold.
 */
export function SitePicker() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const sites = useMeetingState(selectSites);
  const floor = useMeetingState(selectFloor);
  const [query, setQuery] = useState('');
  const shownQuery = useDeferredValue(query);
  const action = useAction();
  const found = pickSites(sites, floor, shownQuery);
  return (
    <section className="panel picker" aria-labelledby="picker-heading" data-testid="site-picker">
      <h2 id="picker-heading">{t('picker.heading')}</h2>
      <input
        type="search"
        className="picker__search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('picker.search')}
        aria-label={t('picker.search')}
        maxLength={80}
      />
      <ActionError action={action} />
      <ul className="picker__list">
        {found.map(({ site, status }) => {
          const spotlighted = floor.spotlight === site.siteId;
          const absent = status === 'absent';
          return (
            <li key={site.siteId} className={`picker__site picker__site--${status}`} data-site={site.siteId}>
              <span className="picker__name">
                {site.name}
                <small>{t(statusLabel(site, status))}</small>
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={absent}
                onClick={() => action.run(() => connection.grantFloor(site.siteId))}
              >
                {t('meeting.grant')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={absent && !spotlighted}
                aria-pressed={spotlighted}
                onClick={() => action.run(() => connection.spotlight(spotlighted ? null : site.siteId))}
              >
                {spotlighted ? t('meeting.unspotlight') : t('picker.spotlight')}
              </button>
            </li>
          );
        })}
        {found.length === 0 && <li className="picker__none">{t('picker.none')}</li>}
      </ul>
    </section>
  );
}
