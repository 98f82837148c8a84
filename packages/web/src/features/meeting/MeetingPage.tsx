import { useI18n } from '../../i18n/I18nProvider';
import { cameraNeedsHttps, InsecurePageNotice } from '../../media/insecurePage';
import { ChairConsole, OperatorWall } from './ChairConsole';
import { ConnectionBanner } from './ConnectionBanner';
import { SiteKiosk } from './SiteKiosk';
import { useMeeting } from './useMeeting';

/**
 * `/meeting/:id`: the account decides the screen (site kiosk, chair console, operator wall). A
 * screen that sends its camera does not join from a page the browser keeps the camera from.
 */
export function MeetingPage({ meetingId, role }: { meetingId: string; role: string }) {
  const sendsMedia = role === 'SITE' || role === 'CHAIR';
  if (sendsMedia && cameraNeedsHttps()) return <InsecurePageNotice />;
  return <MeetingScreen meetingId={meetingId} sendsMedia={sendsMedia} />;
}

function MeetingScreen({ meetingId, sendsMedia }: { meetingId: string; sendsMedia: boolean }) {
  const { t } = useI18n();
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
