import type { SiteStatus } from '@pm/shared';
import type { Action } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectIsTalking, selectQualityFigures, selectWallTile, type WallStatus } from '../state/selectors';
import { ConsumerVideo } from './MediaViews';
import { callBackWording, qualityLine, qualityTooltip, statusLabel } from './siteDisplay';
import { Icon } from '../../../components/Icon';

/**
 * One site on the wall. It reads its own video, voice and connection figures, so a quality sample
 * re-renders the tiles, not the wall's filters and paging.
 */
export function SiteTile({
  site,
  status,
  spotlighted,
  dense,
  run,
  onMessage,
}: {
  site: SiteStatus;
  status: WallStatus;
  spotlighted: boolean;
  /** Dense mode: no picture, only what tells the site's state, so many more fit on the screen. */
  dense: boolean;
  run: Action['run'];
  /** Write to this site (the operator's wall). */
  onMessage?: (siteId: string) => void;
}) {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const tile = useMeetingState(selectWallTile(site.siteId));
  const talking = useMeetingState(selectIsTalking(site.siteId));
  const figures = useMeetingState(selectQualityFigures(site.siteId));
  return (
    <li
      className={`tile tile--${status} ${talking ? 'tile--talking' : ''} ${dense ? 'tile--dense' : ''}`}
      data-site={site.siteId}
      data-status={status}
      title={figures ? qualityTooltip(figures, t) : undefined}
    >
      {!dense && (tile ? <ConsumerVideo consumerId={tile} className="tile__video" /> : <div className="tile__video" />)}
      <div className="tile__label">
        <strong>
          {talking && <Icon name="speaker" />} {site.name}
        </strong>
        <span>
          {t(statusLabel(site, status))}
          {site.headcount !== null && (
            <>
              {' · '}
              <Icon name="people" /> {site.headcount}
            </>
          )}
        </span>
        {figures && site.connection !== 'absent' && (
          <span className="tile__figures" data-testid="tile-figures">
            {qualityLine(figures)}
          </span>
        )}
      </div>
      <div className="tile__actions">
        {site.connection !== 'absent' && (
          <>
            <button type="button" className="button button--small" onClick={() => run(() => connection.grantFloor(site.siteId))}>
              {t('meeting.grant')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => run(() => connection.spotlight(spotlighted ? null : site.siteId))}
            >
              {spotlighted ? t('meeting.unspotlight') : t('meeting.spotlight')}
            </button>
          </>
        )}
        {status === 'speaking' && (
          <button type="button" className="button button--small" onClick={() => run(() => connection.muteSite(site.siteId))}>
            {t('wall.mute')}
          </button>
        )}
        {/* A room that is not in the meeting: its kiosk's home screen is asked to come (back) in. */}
        {(site.connection === 'absent' || site.connection === 'reconnecting') && (
          <button
            type="button"
            className="button button--small"
            onClick={() => run(() => connection.callBack(site.siteId, t(callBackWording(site).text)))}
          >
            {t(callBackWording(site).button)}
          </button>
        )}
        {status === 'requesting' && (
          <button type="button" className="button button--small" onClick={() => run(() => connection.moveToFront(site.siteId))}>
            {t('meeting.toFront')}
          </button>
        )}
        {onMessage && (
          <button type="button" className="button button--small" onClick={() => onMessage(site.siteId)}>
            {t('messages.write')}
          </button>
        )}
      </div>
    </li>
  );
}
