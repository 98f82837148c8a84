import type { Readiness, ScheduledMeetingDetail } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { VirtualList } from '../../components/VirtualList';
import { formatDateTime, formatTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { detach } from '../../util/detach';

const REFRESH_MS = 5000;

/** `/meetings/:id/readiness`: the operator sees which invited sites passed their technical check. */
export function ReadinessPage({ meetingId }: { meetingId: string }) {
  const { t, errorText, language } = useI18n();
  const [meeting, setMeeting] = useState<ScheduledMeetingDetail>();
  const [readiness, setReadiness] = useState<Readiness>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let current = true;
    const load = () =>
      Promise.all([callApi('meetings.get', { params: { id: meetingId } }), callApi('meetings.readiness', { params: { id: meetingId } })]).then(
        ([m, r]) => current && (setMeeting(m.meeting), setReadiness(r)),
        (failure) => current && setError(failure),
      );
    detach(load(), 'loading the readiness');
    const timer = setInterval(() => detach(load(), 'refreshing the readiness'), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [meetingId]);

  if (error !== undefined) return <p className="notice notice--error" role="alert">{errorText(error)}</p>;
  if (!meeting || !readiness) return <p className="notice">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="readiness-heading">
      <h1 id="readiness-heading">{t('readiness.heading')}: {meeting.title}</h1>
      <p>
        {t('readiness.opens')} {formatDateTime(readiness.checkInOpensAt, language)}
        {readiness.checkInOpen ? ` — ${t('readiness.open')}` : ''}
      </p>
      <p className="toolbar" data-testid="readiness-counts">
        <span className="badge badge--ok">{t('readiness.ready')}: {readiness.counts.ready}</span>
        <span className="badge badge--failed">{t('readiness.failed')}: {readiness.counts.failed}</span>
        <span className="badge">{t('readiness.unchecked')}: {readiness.counts.unchecked}</span>
        <span>/ {readiness.counts.invited}</span>
      </p>
      <VirtualList
        items={readiness.sites}
        rowHeight={36}
        height={520}
        label={t('readiness.heading')}
        itemKey={(site) => site.siteId}
        testId="readiness-list"
        renderRow={(site) => (
          <div className="readiness__row" data-state={site.state}>
            <span className={`badge badge--${site.state === 'ready' ? 'ok' : site.state === 'failed' ? 'failed' : 'idle'}`}>{t(`readiness.${site.state}`)}</span>
            <span>{site.name}</span>
            <span className="muted">
              {site.checkedAt ? formatTime(site.checkedAt, language) : ''}
              {site.roundTripMs !== null ? ` · ${site.roundTripMs} ms` : ''}
            </span>
          </div>
        )}
      />
    </section>
  );
}
