import { useI18n } from '../../i18n/I18nProvider';
import { VideoView } from '../../media/VideoView';
import { ConnectionBanner } from './ConnectionBanner';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { ProgrammeView } from './ProgrammeView';
import { HeadcountField, RollCallPrompt } from './SiteAttendance';

/** A meeting room's kiosk: the programme full screen, its own picture, and the floor button. */
export function SiteKiosk({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t } = useI18n();
  const selfId = state.summary?.selfSiteId;
  const position = state.floor.queue.findIndex((r) => r.siteId === selfId) + 1;
  const hasFloor = !!selfId && state.floor.holder?.siteId === selfId;

  return (
    <section className="kiosk">
      <h1 className="kiosk__title">{state.summary?.title}</h1>
      <ConnectionBanner state={state} />
      <RollCallPrompt connection={connection} state={state} />
      <ProgrammeView connection={connection} state={state} large />
      <aside className="kiosk__side">
        <figure className="kiosk__self">
          <VideoView stream={connection.local} muted testId="self-video" key={state.localStreamVersion} />
          <figcaption>{t('meeting.self')}</figcaption>
        </figure>
        <div
          className={`floor-indicator ${hasFloor ? 'floor-indicator--on' : ''}`}
          data-testid="floor-indicator"
          data-has-floor={hasFloor}
        >
          {hasFloor ? t('meeting.youHaveFloor') : t('meeting.muted')}
        </div>
        {!hasFloor &&
          (position > 0 ? (
            <>
              <p className="kiosk__position" data-testid="queue-position">
                {t('meeting.position')}
                <strong>{position}</strong>
              </p>
              <button type="button" className="button" onClick={() => void connection.cancelFloor()}>
                {t('meeting.cancelRequest')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--primary button--big"
              disabled={state.phase !== 'live'}
              onClick={() => void connection.requestFloor()}
            >
              {t('meeting.request')}
            </button>
          ))}
        <HeadcountField connection={connection} state={state} />
        <p className="kiosk__connection" data-testid="connection-state" data-phase={state.phase}>
          {t('meeting.connection')}: {state.phase === 'live' ? t('meeting.connection.live') : t(`meeting.${state.phase}`)}
        </p>
      </aside>
    </section>
  );
}
