import { ConfirmButton } from '../../../components/ConfirmButton';
import { Icon } from '../../../components/Icon';
import { LevelMeter } from '../../../components/LevelMeter';
import { navigateTo } from '../../../components/Link';
import { useI18n } from '../../../i18n/I18nProvider';
import { VideoView } from '../../../media/VideoView';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useKioskMode } from '../hooks/useKioskMode';
import { useMeetingPlan } from '../hooks/useMeetingPlan';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectLocalStreamVersion, selectPhase, selectTitle, selectWaitingForChair } from '../state/selectors';
import { CurrentAgendaItem } from './AgendaPanels';
import { ConnectionBanner } from './ConnectionBanner';
import { FloorControls } from './FloorControls';
import { FloorNoticeBanner, NetworkIndicator, OnAirStatus, useKioskVolume, VolumeControl } from './KioskStatus';
import { HelpRequestButton, MessageBanner } from './Messages';
import { PresentationControls } from './PresentationControls';
import { ProgrammeView } from './ProgrammeView';
import { HeadcountField, RollCallPrompt } from './SiteAttendance';
import { WaitingScreen } from './WaitingScreen';
import '../kiosk.css';

/**
 * A meeting room's kiosk: the programme (or the waiting screen before the chair arrives), the
 * room's own picture, microphone and network, and the floor button. Full screen on a TV, it is
 * the programme edge to edge with the rest laid over it in type readable from the back of the room.
 */
export function SiteKiosk() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const title = useMeetingState(selectTitle);
  const phase = useMeetingState(selectPhase);
  const waiting = useMeetingState(selectWaitingForChair);
  const localStreamVersion = useMeetingState(selectLocalStreamVersion);
  const plan = useMeetingPlan(connection.meetingId);
  const kiosk = useKioskMode();
  const [volume, setVolume] = useKioskVolume();
  return (
    <section className={kiosk.on ? 'kiosk kiosk--tv' : 'kiosk'} data-testid="site-kiosk" data-full-screen={kiosk.on}>
      <header className="kiosk__top">
        <div>
          <h1 className="kiosk__title">{title}</h1>
          <CurrentAgendaItem plan={plan} />
        </div>
        <div data-testid="connection-state" data-phase={phase}>
          <NetworkIndicator />
        </div>
      </header>
      <div className="kiosk__notices">
        <ConnectionBanner />
        <FloorNoticeBanner />
        <OnAirStatus />
        <MessageBanner />
      </div>
      <RollCallPrompt />
      <div className="kiosk__stage">
        <ProgrammeView large volume={volume} />
        {waiting && <WaitingScreen title={title} plan={plan} />}
      </div>
      <figure className="kiosk__self">
        <VideoView stream={connection.local} muted testId="self-video" key={localStreamVersion} />
        <figcaption>{t('meeting.self')}</figcaption>
      </figure>
      <aside className="kiosk__controls">
        <div className="kiosk__floor">
          <FloorControls />
          <PresentationControls />
        </div>
        <LevelMeter stream={connection.local} label={t('kiosk.micLevel')} key={localStreamVersion} />
        <VolumeControl volume={volume} onChange={setVolume} />
        <HeadcountField />
        <div className="kiosk__actions">
          <HelpRequestButton />
          {kiosk.on ? (
            <button type="button" className="button" onClick={kiosk.exit} data-testid="exit-full-screen">
              <Icon name="exitFullScreen" /> {t('kiosk.exitFullScreen')}
            </button>
          ) : (
            <button type="button" className="button" onClick={kiosk.enter} data-testid="full-screen">
              <Icon name="fullScreen" /> {t('kiosk.fullScreen')}
            </button>
          )}
          <ConfirmButton
            question={t('kiosk.leaveConfirm')}
            confirmLabel={t('kiosk.leaveYes')}
            cancelLabel={t('kiosk.stay')}
            onConfirm={() => navigateTo('/')}
            testId="leave-meeting"
          >
            <Icon name="leave" /> {t('kiosk.leave')}
          </ConfirmButton>
        </div>
      </aside>
    </section>
  );
}
