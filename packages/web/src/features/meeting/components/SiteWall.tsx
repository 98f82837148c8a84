import { useEffect, useMemo, useState } from 'react';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectFloor, selectPhase, selectSites, wallStatus, type WallStatus } from '../state/selectors';
import { SiteTile } from './SiteTile';

const statuses: WallStatus[] = ['absent', 'connected', 'poor', 'reconnecting', 'speaking', 'requesting'];
/** What needs the operator's eyes comes first: the speaker, requests, trouble, then the rest. */
const urgency: Record<WallStatus, number> = { speaking: 0, requesting: 1, reconnecting: 2, poor: 3, connected: 4, absent: 5 };

/**
 * Every invited site as a tile, usable at 348: filtered by unit and status, paged, and only the
 * tiles on screen receive video (the lowest simulcast layer).
 */
export function SiteWall({ pageSize, dense = false, onMessage }: { pageSize: number; dense?: boolean; onMessage?: (siteId: string) => void }) {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const siteMap = useMeetingState(selectSites);
  const floor = useMeetingState(selectFloor);
  const phase = useMeetingState(selectPhase);
  const [group, setGroup] = useState('');
  const [status, setStatus] = useState<WallStatus | ''>('');
  const [page, setPage] = useState(0);
  const action = useAction();
  const watching = useAction();

  const sites = useMemo(() => Object.values(siteMap), [siteMap]);
  const groups = useMemo(
    () => [...new Map(sites.map((s) => [s.groupId, s.groupName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')),
    [sites],
  );
  const filtered = sites
    .filter((s) => (!group || s.groupId === group) && (!status || wallStatus(s, floor) === status))
    .sort((a, b) => urgency[wallStatus(a, floor)] - urgency[wallStatus(b, floor)]);
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * pageSize, (current + 1) * pageSize);
  // Dense tiles show no picture: nothing is consumed for them.
  const watchKey = visible
    .filter((s) => s.hasVideo && !dense)
    .map((s) => s.siteId)
    .join(',');

  const { run: watch } = watching;
  useEffect(() => {
    if (phase !== 'live') return;
    watch(() => connection.watchWall(watchKey ? watchKey.split(',') : []));
  }, [connection, watchKey, phase, watch]);

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
        <ActionError action={watching} />
        <ActionError action={action} />
      </div>
      <ul className={dense ? 'wall__grid wall__grid--dense' : 'wall__grid'}>
        {visible.map((site) => (
          <SiteTile
            key={site.siteId}
            site={site}
            status={wallStatus(site, floor)}
            spotlighted={floor.spotlight === site.siteId}
            dense={dense}
            run={action.run}
            onMessage={onMessage}
          />
        ))}
      </ul>
    </section>
  );
}
