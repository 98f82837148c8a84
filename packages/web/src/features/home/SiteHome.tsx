import type { ScheduledMeeting } from '@pm/shared';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { Countdown, MeetingTimes } from '../schedule/MeetingTimes';
import { useMeetings, useNow } from '../schedule/useMeetings';

/** A meeting room's kiosk: its upcoming meetings with a countdown, the way in, and the equipment check. */
export function SiteHome({ siteName }: { siteName: string }) {
  const { t, errorText } = useI18n();
  const { meetings, error } = useMeetings(true);
  const now = useNow();
  return (
    <section className="home" aria-labelledby="home-heading">
      <h1 id="home-heading">{t('home.heading')}</h1>
      <p className="home__site">{siteName}</p>
      {error !== undefined && <p className="notice notice--error" role="alert">{errorText(error)}</p>}
      <h2>{t('home.upcoming')}</h2>
      {meetings?.length === 0 && <p className="notice">{t('home.noMeetings')}</p>}
      <ul className="meeting-list">
        {meetings?.map((meeting) => <SiteMeetingCard key={meeting.id} meeting={meeting} now={now} />)}
      </ul>
      <div className="card">
        <h2>{t('home.check')}</h2>
        <p>{t('home.checkHint')}</p>
        <Link href="/check" className="button">{t('home.check')}</Link>
      </div>
    </section>
  );
}

function SiteMeetingCard({ meeting, now }: { meeting: ScheduledMeeting; now: number }) {
  const { t } = useI18n();
  const cancelled = meeting.status === 'CANCELLED';
  const checkInOpen = !cancelled && now >= Date.parse(meeting.checkInOpensAt);
  return (
    <li className={`meeting-card${cancelled ? ' meeting-card--cancelled' : ''}`} data-testid="meeting-card" data-meeting-id={meeting.id}>
      <h3>{meeting.title}</h3>
      <MeetingTimes meeting={meeting} />
      {!cancelled && <Countdown meeting={meeting} now={now} />}
      {checkInOpen && <p className="notice notice--ok">{t('home.checkInOpen')}</p>}
      {!cancelled && (
        <div className="toolbar">
          <Link href={`/meeting/${encodeURIComponent(meeting.id)}`} className="button button--primary">
            {t('home.join')}
          </Link>
          <Link href="/check" className={`button${checkInOpen ? ' button--primary' : ''}`}>
            {t('home.check')}
          </Link>
          <a href={`/api/meetings/${encodeURIComponent(meeting.id)}/invitation.ics`} className="button">
            {t('schedule.ics')}
          </a>
        </div>
      )}
    </li>
  );
}
