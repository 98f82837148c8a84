import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConsumerVideo } from './MediaViews';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { qualityTooltip, wallStatus, type WallStatus } from './siteDisplay';

const statuses: WallStatus[] = ['absent', 'connected', 'poor', 'reconnecting', 'speaking', 'requesting'];
/** What needs the operator's eyes comes first: the speaker, requests, trouble, then the rest. */
const urgency: Record<WallStatus, number> = { speaking: 0, requesting: 1, reconnecting: 2, poor: 3, connected: 4, absent: 5 };

/**
 * Every invited site as a tile, usable at 348: filtered by unit and status, paged, and only the
 * tiles on screen receive video (the lowest simulcast layer).
 */
export function SiteWall({
  connection,
  state,
  pageSize,
}: {
  connection: MeetingConnection;
  state: MeetingViewState;
  pageSize: number;
}) {
  const { t } = useI18n();
  const [group, setGroup] = useState('');
  const [status, setStatus] = useState<WallStatus | ''>('');
  const [page, setPage] = useState(0);

  const sites = useMemo(() => Object.values(state.sites), [state.sites]);
  const groups = useMemo(
    () => [...new Map(sites.map((s) => [s.groupId, s.groupName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')),
    [sites],
  );
  const filtered = sites
    .filter((s) => (!group || s.groupId === group) && (!status || wallStatus(s, state) === status))
    .sort((a, b) => urgency[wallStatus(a, state)] - urgency[wallStatus(b, state)]);
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * pageSize, (current + 1) * pageSize);
  const watchKey = visible
    .filter((s) => s.hasVideo)
    .map((s) => s.siteId)
    .join(',');

  useEffect(() => {
    if (state.phase !== 'live') return;
    void connection.watchWall(watchKey ? watchKey.split(',') : []).catch(() => undefined);
  }, [connection, watchKey, state.phase]);

  return (
    <section className="wall" aria-label={t('wall.heading')}>
      <div className="toolbar">
        <label>
          {t('wall.filterGroup')}{' '}
          <select value={group} onChange={(e) => (setGroup(e.target.value), setPage(0))}>
            <option value="">{t('wall.all')}</option>
            {groups.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wall.filterStatus')}{' '}
          <select value={status} onChange={(e) => (setStatus(e.target.value as WallStatus | ''), setPage(0))}>
            <option value="">{t('wall.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span data-testid="wall-count">
          {filtered.length} {t('wall.count')}
        </span>
        <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
          {t('wall.previous')}
        </button>
        <span>
          {t('wall.page')} {current + 1}/{pages}
        </span>
        <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          {t('wall.next')}
        </button>
      </div>
      <ul className="wall__grid">
        {visible.map((site) => {
          const tileStatus = wallStatus(site, state);
          const tile = state.received.find((r) => r.purpose === 'wall' && r.siteId === site.siteId);
          const spotlighted = state.floor.spotlight === site.siteId;
          const figures = state.quality[site.siteId]?.figures;
          return (
            <li
              key={site.siteId}
              className={`tile tile--${tileStatus} ${state.activeSpeaker === site.siteId ? 'tile--talking' : ''}`}
              data-site={site.siteId}
              data-status={tileStatus}
              title={figures ? qualityTooltip(figures, t) : undefined}
            >
              {tile ? <ConsumerVideo connection={connection} consumerId={tile.consumerId} className="tile__video" /> : <div className="tile__video" />}
              <div className="tile__label">
                <strong>{site.name}</strong>
                <span>
                  {t(`status.${tileStatus}`)}
                  {site.headcount !== null && ` · 👥 ${site.headcount}`}
                </span>
              </div>
              {site.connection !== 'absent' && (
                <div className="tile__actions">
                  <button type="button" className="button button--small" onClick={() => void connection.grantFloor(site.siteId)}>
                    {t('meeting.grant')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void connection.spotlight(spotlighted ? null : site.siteId)}
                  >
                    {spotlighted ? t('meeting.unspotlight') : t('meeting.spotlight')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
