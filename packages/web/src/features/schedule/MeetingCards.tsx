import type { ScheduledMeeting } from '@pm/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { MeetingTimes } from './MeetingTimes';

/**
 * The list of meetings on a start screen: each card with its title and times, then what the
 * screen adds (countdown, counts, the buttons this account may use).
 */
export function MeetingCards({
  meetings,
  error,
  children,
}: {
  meetings: ScheduledMeeting[] | undefined;
  error: unknown;
  children: (meeting: ScheduledMeeting) => ReactNode;
}) {
  const { t, errorText } = useI18n();
  return (
    <>
      {error !== undefined && <p className="notice notice--error" role="alert">{errorText(error)}</p>}
      {meetings?.length === 0 && <p className="notice">{t('home.noMeetings')}</p>}
      <ul className="meeting-list">
        {meetings?.map((meeting) => (
          <li key={meeting.id} className="meeting-card" data-testid="meeting-card" data-meeting-id={meeting.id}>
            <h3>{meeting.title}</h3>
            <MeetingTimes meeting={meeting} />
            {children(meeting)}
          </li>
        ))}
      </ul>
    </>
  );
}
