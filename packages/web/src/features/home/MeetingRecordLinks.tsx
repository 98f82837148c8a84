import { can, type Identity } from '@pm/shared';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';

/** The way from a meeting card to what the meeting left behind, for the accounts allowed to see it. */
export function MeetingRecordLinks({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  const { t } = useI18n();
  const id = encodeURIComponent(meetingId);
  return (
    <>
      {can(identity.role, 'minutes.read') && (
        <Link href={`/meetings/${id}/minutes`} className="button">
          {t('minutes.link')}
        </Link>
      )}
      {can(identity.role, 'recordings.read') && (
        <Link href={`/meetings/${id}/review`} className="button">
          {t('review.link')}
        </Link>
      )}
      {can(identity.role, 'attendance.read') && (
        <Link href={`/meetings/${id}/attendance`} className="button">
          {t('report.link')}
        </Link>
      )}
    </>
  );
}

/** Pages across meetings: the directive tracker, search of past meetings, attendance over a period. */
export function RecordsNav({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  return (
    <nav className="toolbar" aria-label={t('review.heading')}>
      {can(identity.role, 'directives.read') && (
        <Link href="/directives" className="button">
          {t('directives.heading')}
        </Link>
      )}
      {can(identity.role, 'recordings.read') && (
        <Link href="/review" className="button">
          {t('review.search')}
        </Link>
      )}
      {can(identity.role, 'attendance.read') && (
        <Link href="/attendance" className="button">
          {t('report.period')}
        </Link>
      )}
    </nav>
  );
}
