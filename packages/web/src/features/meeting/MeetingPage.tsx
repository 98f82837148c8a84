import { useI18n } from '../../i18n/I18nProvider';
import { ChairConsole, OperatorWall } from './ChairConsole';
import { ConnectionBanner } from './ConnectionBanner';
import { SiteKiosk } from './SiteKiosk';
import { useMeeting } from './useMeeting';

/** `/meeting/:id`: the account decides the screen (site kiosk, chair console, operator wall). */
export function MeetingPage({ meetingId, role }: { meetingId: string; role: 'SITE' | 'CHAIR' | 'OPERATOR' | 'ADMIN' | string }) {
  const { t } = useI18n();
  const sendsMedia = role === 'SITE' || role === 'CHAIR';
  const { connection, state } = useMeeting(meetingId, sendsMedia);
  if (!connection || !state) return <p className="notice">{t('meeting.connecting')}</p>;
  switch (state.summary?.role) {
    case 'site':
      return <SiteKiosk connection={connection} state={state} />;
    case 'chair':
      return <ChairConsole connection={connection} state={state} />;
    case 'operator':
      return <OperatorWall connection={connection} state={state} />;
    default:
      return <ConnectionBanner state={state} />;
  }
}
