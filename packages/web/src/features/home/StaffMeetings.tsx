import { can, type Identity } from '@pm/shared';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { MeetingCards } from '../schedule/MeetingCards';
import { Countdown } from '../schedule/MeetingTimes';
import { MeetingRecordLinks, RecordsNav } from './MeetingRecordLinks';
import { useMeetings, useNow } from '../schedule/useMeetings';

/** The chair's and the operator's start screen: today's and coming meetings, and the way into each. */
export function StaffMeetings({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const { meetings, error } = useMeetings(false);
  const now = useNow();
  const joins = can(identity.role, 'meeting.join');
  return (
    <section aria-labelledby="staff-heading">
      <h1 id="staff-heading">{t('staff.heading')}</h1>
      <RecordsNav identity={identity} />
      <MeetingCards meetings={meetings} error={error}>
        {(meeting) => (
          <>
            <p>
              <Countdown meeting={meeting} now={now} /> · {meeting.siteCount} {t('schedule.sites')}
              {meeting.chair && ` · ${t('schedule.chair')}: ${meeting.chair.displayName}`}
            </p>
            <div className="toolbar">
              {joins && (
                <Link href={`/meeting/${encodeURIComponent(meeting.id)}`} className="button button--primary">
                  {t('home.join')}
                </Link>
              )}
              {can(identity.role, 'meetings.readiness') && (
                <Link href={`/meetings/${encodeURIComponent(meeting.id)}/readiness`} className="button">
                  {t('readiness.link')}
                </Link>
              )}
              <MeetingRecordLinks meetingId={meeting.id} identity={identity} />
            </div>
          </>
        )}
      </MeetingCards>
    </section>
  );
}
