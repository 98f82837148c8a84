import type { Identity } from '@pm/shared';
import { cameraNeedsHttps, InsecurePageNotice } from '../../media/insecurePage';
import { ChairConsole, OperatorWall } from './components/ChairConsole';
import { ConnectionBanner } from './components/ConnectionBanner';
import { MeetingEnded } from './components/MeetingEnd';
import { SiteKiosk } from './components/SiteKiosk';
import { MeetingContext } from './hooks/meetingContext';
import { useMeeting } from './hooks/useMeeting';
import { useMeetingState } from './hooks/useMeetingState';
import { selectPhase, selectRole } from './state/selectors';

/**
 * `/meeting/:id`: the account decides the screen (site kiosk, chair console, operator wall). A
 * screen that sends its camera does not join from a page the browser keeps the camera from.
 */
export function MeetingPage({ meetingId, role, goHome }: { meetingId: string; role: Identity['role']; goHome: () => void }) {
  const sendsMedia = role === 'SITE' || role === 'CHAIR';
  if (sendsMedia && cameraNeedsHttps()) return <InsecurePageNotice />;
  return <JoinedMeeting meetingId={meetingId} sendsMedia={sendsMedia} goHome={goHome} />;
}

function JoinedMeeting({ meetingId, sendsMedia, goHome }: { meetingId: string; sendsMedia: boolean; goHome: () => void }) {
  const connection = useMeeting(meetingId, sendsMedia);
  return (
    <MeetingContext.Provider value={connection}>
      <MeetingScreen goHome={goHome} />
    </MeetingContext.Provider>
  );
}

/**
 * The screen of the participant's part in the meeting, once the server said which it is; every
 * room goes home at the end. Its phase is on the page for the browser tests and a technician's
 * inspector (no layout of its own).
 */
function MeetingScreen({ goHome }: { goHome: () => void }) {
  const phase = useMeetingState(selectPhase);
  return (
    <div className="meeting-screen" data-testid="meeting-screen" data-phase={phase}>
      {phase === 'ended' ? <MeetingEnded onHome={goHome} /> : <ScreenForRole />}
    </div>
  );
}

function ScreenForRole() {
  switch (useMeetingState(selectRole)) {
    case 'site':
      return <SiteKiosk />;
    case 'chair':
      return <ChairConsole />;
    case 'operator':
      return <OperatorWall />;
    default:
      return <ConnectionBanner />;
  }
}
