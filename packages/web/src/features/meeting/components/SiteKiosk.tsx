import { useI18n } from '../../../i18n/I18nProvider';
import { VideoView } from '../../../media/VideoView';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectLocalStreamVersion, selectPhase, selectTitle } from '../state/selectors';
import { ConnectionBanner } from './ConnectionBanner';
import { FloorControls } from './FloorControls';
import { PresentationControls } from './PresentationControls';
import { ProgrammeView } from './ProgrammeView';
import { HeadcountField, RollCallPrompt } from './SiteAttendance';

/** A meeting room's kiosk: the programme full screen, its own picture, and the floor button. */
export function SiteKiosk() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const title = useMeetingState(selectTitle);
  const phase = useMeetingState(selectPhase);
  const localStreamVersion = useMeetingState(selectLocalStreamVersion);
  return (
    <section className="kiosk">
      <h1 className="kiosk__title">{title}</h1>
      <ConnectionBanner />
      <RollCallPrompt />
      <ProgrammeView large />
      <aside className="kiosk__side">
        <figure className="kiosk__self">
          <VideoView stream={connection.local} muted testId="self-video" key={localStreamVersion} />
          <figcaption>{t('meeting.self')}</figcaption>
        </figure>
        <FloorControls />
        <PresentationControls />
        <HeadcountField />
        <p className="kiosk__connection" data-testid="connection-state" data-phase={phase}>
          {t('meeting.connection')}: {phase === 'live' ? t('meeting.connection.live') : t(`meeting.${phase}`)}
        </p>
      </aside>
    </section>
  );
}
