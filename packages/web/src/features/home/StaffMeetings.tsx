import { can, meetingOverAt, type Identity, type ScheduledMeeting } from '@pm/shared';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { MeetingCards } from '../schedule/MeetingCards';
import { Countdown } from '../schedule/MeetingTimes';
import { MeetingRecordLinks, RecordsNav } from './MeetingRecordLinks';
import { useMeetings, useNow } from '../schedule/useMeetings';

/** How far back the start screen lists meetings that have ended, for their records: two weeks. */
const recentFrom = (now: number) => new Date(now - 14 * 86_400_000).toISOString();

/**
 * The chair's, the operator's and the reviewer's start screen: today's and coming meetings with
 * the way into each, then the meetings of the last two weeks, the most recent first, each marked
 * when its recording can be watched.
 */
export function StaffMeetings({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const { meetings, error } = useMeetings(false, recentFrom);
  const now = useNow();
  const joins = can(identity.role, 'meeting.join');
  const upcoming = meetings?.filter((m) => meetingOverAt(m) > now);
  const recent = meetings?.filter((m) => meetingOverAt(m) <= now).reverse();
  const card = (meeting: ScheduledMeeting) => (
    <>
      <p>
        <Countdown meeting={meeting} now={now} /> · {meeting.siteCount} {t('schedule.sites')}
        {meeting.chair && ` · ${t('schedule.chair')}: ${meeting.chair.displayName}`}
        {meeting.recorded && (
          <>
            {' · '}
            <span className="recorded-sign" data-testid="recorded-sign">
              {t('home.recorded')}
            </span>
          </>
        )}
      </p>
      <div className="toolbar">
        {joins && meetingOverAt(meeting) > now && (
          <Link href={`/meeting/${encodeURIComponent(meeting.id)}`} className="button button--primary">
            {t('home.join')}
          </Link>
        )}
        {can(identity.role, 'meetings.readiness') && meetingOverAt(meeting) > now && (
          <Link href={`/meetings/${encodeURIComponent(meeting.id)}/readiness`} className="button">
            {t('readiness.link')}
          </Link>
        )}
        <MeetingRecordLinks meetingId={meeting.id} identity={identity} />
      </div>
    </>
  );
  return (
    <section aria-labelledby="staff-heading">
      <h1 id="staff-heading">{t('staff.heading')}</h1>
      <RecordsNav identity={identity} />
      <MeetingCards meetings={upcoming} error={error}>
        {card}
      </MeetingCards>
      {recent && recent.length > 0 && (
        <section aria-labelledby="recent-heading" data-testid="recent-meetings">
          <h2 id="recent-heading">{t('home.recent')}</h2>
          <MeetingCards meetings={recent} error={undefined}>
            {card}
          </MeetingCards>
        </section>
      )}
    </section>
  );
}
