import { meetingOverAt, type ScheduledMeeting } from '@pm/shared';
import { formatSpan, formatTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/I18nProvider';

/** When, what kind, and whether it changed or was cancelled: the lines every meeting card shows. */
export function MeetingTimes({ meeting }: { meeting: ScheduledMeeting }) {
  const { t, language } = useI18n();
  return (
    <p className="meeting-card__when">
      <span>{formatSpan(meeting.startsAt, meeting.endsAt, language)}</span>{' '}
      <span className="tag">{t(`kind.${meeting.kind}`)}</span>{' '}
      {meeting.status === 'CANCELLED' ? (
        <span className="tag tag--cancelled" data-testid="meeting-cancelled">
          {t('schedule.cancelled')}
          {meeting.cancelReason ? `: ${meeting.cancelReason}` : ''}
        </span>
      ) : (
        meeting.revision > 1 && (
          <span className="tag tag--changed" data-testid="meeting-changed">
            {t('schedule.changed')} {formatTime(meeting.updatedAt, language)}
          </span>
        )
      )}
    </p>
  );
}

/** "Bắt đầu sau 1 giờ 05 phút 12 giây", "Đang diễn ra", "Đã kết thúc lúc 10:12" (the real end, when the chair ended it). */
export function Countdown({ meeting, now }: { meeting: ScheduledMeeting; now: number }) {
  const { t, language } = useI18n();
  const startsIn = Date.parse(meeting.startsAt) - now;
  if (meetingOverAt(meeting) <= now) {
    return (
      <span className="countdown" data-testid="meeting-over">
        {meeting.endedAt ? `${t('schedule.endedAt')} ${formatTime(meeting.endedAt, language)}` : t('schedule.ended')}
      </span>
    );
  }
  if (startsIn <= 0) return <span className="countdown countdown--live">{t('schedule.inProgress')}</span>;
  const seconds = Math.floor(startsIn / 1000);
  const parts = [
    [Math.floor(seconds / 86_400), t('time.days')],
    [Math.floor((seconds % 86_400) / 3600), t('time.hours')],
    [Math.floor((seconds % 3600) / 60), t('time.minutes')],
    [seconds % 60, t('time.seconds')],
  ] as const;
  const shown = parts.slice(parts.findIndex(([value]) => value > 0)).slice(0, 3);
  return (
    <span className="countdown" role="timer" data-testid="countdown">
      {t('schedule.startsIn')} {shown.map(([value, unit]) => `${value} ${unit}`).join(' ')}
    </span>
  );
}
