import { can, type Identity } from '@pm/shared';
import { Link } from '../../components/Link';
import { MeetingRecordLinks, RecordsNav } from '../home/MeetingRecordLinks';
import { useI18n } from '../../i18n/I18nProvider';
import { MeetingCards } from '../schedule/MeetingCards';
import { useMeetings } from '../schedule/useMeetings';

/** The secretariat's start screen: the coming meetings, and the way to schedule, the directory, accounts. */
export function SecretariatHome({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const { meetings, error } = useMeetings(true);
  return (
    <section aria-labelledby="secretariat-heading">
      <h1 id="secretariat-heading">{t('secretariat.heading')}</h1>
      <nav className="toolbar" aria-label={t('secretariat.heading')}>
        <Link href="/secretariat/meetings/new" className="button button--primary">{t('editor.newHeading')}</Link>
        <Link href="/secretariat/directory" className="button">{t('directory.heading')}</Link>
        <Link href="/secretariat/groups" className="button">{t('groups.heading')}</Link>
        {can(identity.role, 'users.manage') && <Link href="/admin/users" className="button">{t('users.heading')}</Link>}
        {can(identity.role, 'audit.read') && <Link href="/admin/audit" className="button">{t('audit.heading')}</Link>}
        <a href="/api/docs" className="button">{t('secretariat.apiDocs')}</a>
      </nav>
      <RecordsNav identity={identity} />
      <MeetingCards meetings={meetings} error={error}>
        {(meeting) => (
          <>
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
          </>
        )}
      </MeetingCards>
    </section>
  );
}
