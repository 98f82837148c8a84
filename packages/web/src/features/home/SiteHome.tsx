import { meetingOverAt, type ScheduledMeeting } from '@pm/shared';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { startOfProvinceDay } from '../../i18n/dates';
import { Countdown, MeetingTimes } from '../schedule/MeetingTimes';
import { useMeetings, useNow } from '../schedule/useMeetings';
import { CallBackNotice } from './CallBackNotice';
import { siteHomeSections } from './siteHomeSections';

/**
 * A meeting room's kiosk: the staff's call back into a meeting when there is one, the meeting in
 * progress (or the next) first with the way in, then what is to come, today's finished meetings, cancelled ones last; the equipment check and the room's
 * own directives.
 */
export function SiteHome({ siteName }: { siteName: string }) {
  const { t, errorText } = useI18n();
  const { meetings, error } = useMeetings(true, startOfProvinceDay);
  const now = useNow();
  const sections = meetings && siteHomeSections(meetings, now);
  const list = (heading: string, shown: ScheduledMeeting[], testId: string) =>
    shown.length > 0 && (
      <section aria-label={heading} data-testid={testId}>
        <h2>{heading}</h2>
        <ul className="meeting-list">
          {shown.map((meeting) => (
            <SiteMeetingCard key={meeting.id} meeting={meeting} now={now} />
          ))}
        </ul>
      </section>
    );
  return (
    <section className="home" aria-labelledby="home-heading">
      <h1 id="home-heading">{t('home.heading')}</h1>
      <p className="home__site">{siteName}</p>
      <CallBackNotice />
      {error !== undefined && <p className="notice notice--error" role="alert">{errorText(error)}</p>}
      {sections && !sections.first && <p className="notice">{t('home.noMeetings')}</p>}
      {sections?.first && list(t('home.upcoming'), [sections.first, ...sections.upcoming], 'home-upcoming')}
      {sections && list(t('kioskHome.endedToday'), sections.endedToday, 'home-ended')}
      {sections && list(t('kioskHome.cancelled'), sections.cancelled, 'home-cancelled')}
      <div className="home__cards">
        <div className="card">
          <h2>{t('home.check')}</h2>
          <p>{t('home.checkHint')}</p>
          <Link href="/check" className="button">{t('home.check')}</Link>
        </div>
        <div className="card">
          <h2>{t('kioskHome.directives')}</h2>
          <p>{t('kioskHome.directivesHint')}</p>
          <Link href="/directives" className="button" data-testid="home-directives">{t('kioskHome.directives')}</Link>
        </div>
      </div>
    </section>
  );
}

function SiteMeetingCard({ meeting, now }: { meeting: ScheduledMeeting; now: number }) {
  const { t } = useI18n();
  const cancelled = meeting.status === 'CANCELLED';
  const ended = meetingOverAt(meeting) <= now;
  const checkInOpen = !cancelled && !ended && now >= Date.parse(meeting.checkInOpensAt);
  return (
    <li className={`meeting-card${cancelled ? ' meeting-card--cancelled' : ''}`} data-testid="meeting-card" data-meeting-id={meeting.id}>
      <h3>{meeting.title}</h3>
      <MeetingTimes meeting={meeting} />
      {!cancelled && <Countdown meeting={meeting} now={now} />}
      {checkInOpen && <p className="notice notice--ok">{t('home.checkInOpen')}</p>}
      {!cancelled && !ended && (
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
