import { can, type Identity } from '@pm/shared';
import { Link } from '../../components/Link';
import { MeetingRecordLinks, RecordsNav } from '../home/MeetingRecordLinks';
import { useI18n } from '../../i18n/I18nProvider';
import { MeetingTimes } from '../schedule/MeetingTimes';
import { useMeetings } from '../schedule/useMeetings';

/** The secretariat's start screen: the coming meetings, and the way to schedule, the directory, accounts. */
export function SecretariatHome({ identity }: { identity: Identity }) {
  const { t, errorText } = useI18n();
  const { meetings, error } = useMeetings(true);
  return (
    <section aria-labelledby="secretariat-heading">
      <h1 id="secretariat-heading">{t('secretariat.heading')}</h1>
      <nav className="toolbar" aria-label={t('secretariat.heading')}>
        <Link href="/secretariat/meetings/new" className="button button--primary">{t('editor.newHeading')}</Link>
        <Link href="/secretariat/directory" className="button">{t('directory.heading')}</Link>
        {can(identity.role, 'users.manage') && <Link href="/admin/users" className="button">{t('users.heading')}</Link>}
        <a href="/api/docs" className="button">{t('secretariat.apiDocs')}</a>
      </nav>
      <RecordsNav identity={identity} />
      {error !== undefined && <p className="notice notice--error" role="alert">{errorText(error)}</p>}
      {meetings?.length === 0 && <p className="notice">{t('home.noMeetings')}</p>}
      <ul className="meeting-list">
        {meetings?.map((meeting) => (
          <li key={meeting.id} className="meeting-card" data-testid="meeting-card" data-meeting-id={meeting.id}>
            <h3>{meeting.title}</h3>
            <MeetingTimes meeting={meeting} />
            <p>
              {meeting.siteCount} {t('schedule.sites')}
              {meeting.chair && ` · ${t('schedule.chair')}: ${meeting.chair.displayName}`}
              {meeting.recurrence && ` · ${t(meeting.recurrence.frequency === 'WEEKLY' ? 'editor.repeatWeekly' : 'editor.repeatMonthly')}`}
            </p>
            {meeting.status === 'SCHEDULED' && (
              <div className="toolbar">
                <Link href={`/secretariat/meetings/${encodeURIComponent(meeting.id)}`} className="button">{t('secretariat.edit')}</Link>
                <Link href={`/meetings/${encodeURIComponent(meeting.id)}/readiness`} className="button">{t('readiness.link')}</Link>
                <a href={`/api/meetings/${encodeURIComponent(meeting.id)}/invitation.ics`} className="button">{t('schedule.ics')}</a>
              </div>
            )}
            <div className="toolbar">
              <MeetingRecordLinks meetingId={meeting.id} identity={identity} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
