import type { Overlap } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../../api/apiClient';
import { formatDateTime } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18nProvider';

const DEBOUNCE_MS = 400;

/** Sites already invited elsewhere at the chosen time: a warning while the secretariat picks. */
export function OverlapWarning(props: { startsAt: string | undefined; endsAt: string | undefined; siteIds: ReadonlySet<string>; meetingId: string | undefined }) {
  const { t, language } = useI18n();
  const overlaps = useOverlaps(props);
  if (overlaps.length === 0) return null;
  const sites = new Set(overlaps.map((o) => o.siteId)).size;
  return (
    <div className="notice notice--warn" role="status" data-testid="overlap-warning">
      <p>
        {sites} {t('overlap.sites')}
      </p>
      <ul>
        {overlaps.slice(0, 20).map((o) => (
          <li key={`${o.meetingId}:${o.siteId}`}>
            {o.siteName} — {o.meetingTitle} ({formatDateTime(o.startsAt, language)})
          </li>
        ))}
      </ul>
      {overlaps.length > 20 && <p>… {overlaps.length - 20}</p>}
    </div>
  );
}

function useOverlaps({ startsAt, endsAt, siteIds, meetingId }: { startsAt: string | undefined; endsAt: string | undefined; siteIds: ReadonlySet<string>; meetingId: string | undefined }) {
  const [overlaps, setOverlaps] = useState<Overlap[]>([]);
  const key = [...siteIds].sort().join(',');
  // Without a whole time span and a site nothing can overlap, whatever the last answer was.
  const askable = Boolean(startsAt && endsAt && key !== '' && Date.parse(endsAt) > Date.parse(startsAt));
  useEffect(() => {
    if (!askable || !startsAt || !endsAt) return;
    let current = true;
    const timer = setTimeout(() => {
      callApi('meetings.overlaps', {
        body: { startsAt, endsAt, siteIds: key.split(','), ...(meetingId ? { excludeMeetingId: meetingId } : {}) },
      }).then(
        (answer) => current && setOverlaps(answer.overlaps),
        () => current && setOverlaps([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for the set's content; the set itself is a new object at every change.
  }, [askable, startsAt, endsAt, key, meetingId]);
  return askable ? overlaps : [];
}
